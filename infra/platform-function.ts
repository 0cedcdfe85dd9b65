import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { tableDefinition } from './definitions/table';

const repositoryRoot = join(__dirname, '..');

const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/** Table access named index by index, so no policy carries an `index/*` wildcard. */
export function tableStatement(table: ITableV2, mode: 'read' | 'write'): PolicyStatement {
  const indexArns = tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  return new PolicyStatement({ actions: [...tableActions[mode]], resources: mode === 'read' ? [table.tableArn, ...indexArns] : [table.tableArn] });
}

export interface PlatformFunctionProps {
  /** Handler module path from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly table: ITableV2;
  /** @default 15 */
  readonly timeoutSeconds?: number;
  /** @default 512 */
  readonly memoryMb?: number;
  readonly description?: string;
  /** Extra bundling steps, e.g. copying data files next to the bundle. @default - none */
  readonly commandHooks?: ICommandHooks;
}

/**
 * A platform Lambda function with the defaults every function shares: Node.js 22 on arm64, esbuild
 * bundle without the SDK, Powertools environment, JSON logs in a dedicated log group, active tracing,
 * and the cdk-nag findings these defaults cause, acknowledged with their reasons.
 */
export function platformFunction(scope: Construct, id: string, props: PlatformFunctionProps): NodejsFunction {
  const fn = new NodejsFunction(scope, id, {
    entry: join(repositoryRoot, props.entry),
    handler: 'handler',
    ...(props.description ? { description: props.description } : {}),
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memoryMb ?? 512,
    timeout: Duration.seconds(props.timeoutSeconds ?? 15),
    tracing: Tracing.ACTIVE,
    loggingFormat: LoggingFormat.JSON,
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_YEAR }),
    environment: {
      [tableDefinition.nameEnvironmentVariable]: props.table.tableName,
      POWERTOOLS_SERVICE_NAME: 'tongban',
      POWERTOOLS_METRICS_NAMESPACE: 'Tongban',
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: {
      format: OutputFormat.CJS,
      minify: true,
      sourceMap: true,
      target: 'node22',
      // the Lambda runtime ships SDK v3; bundling it again only slows cold starts
      externalModules: ['@aws-sdk/*'],
      ...(props.commandHooks ? { commandHooks: props.commandHooks } : {}),
    },
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason: 'Node.js 22 is the runtime the platform is specified and tested on; moving to 24 is a deliberate upgrade, not a drift.',
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'The AWS-managed basic execution policy only lets the function write its own CloudWatch logs; the function has a dedicated log group with one-year retention.',
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray PutTraceSegments and PutTelemetryRecords (active tracing) support no resource-level permissions; any other wildcard is acknowledged where it is granted.',
  });
  return fn;
}
