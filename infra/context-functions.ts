import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { type Access, type BoundedContext, environmentNames, functionDefinitions } from './definitions/functions';
import { bucketDefinitions } from './definitions/buckets';
import { queueDefinitions } from './definitions/queues';
import { tableDefinition } from './definitions/table';

const repositoryRoot = join(__dirname, '..');

const tableActions = {
  'table:read': ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  'table:write': ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/** Table access named index by index, so no policy carries an `index/*` wildcard. */
function tableStatement(table: ITableV2, access: 'table:read' | 'table:write'): PolicyStatement {
  const indexArns = tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  return new PolicyStatement({ actions: [...tableActions[access]], resources: access === 'table:read' ? [table.tableArn, ...indexArns] : [table.tableArn] });
}

function acknowledgeFunctionFindings(fn: NodejsFunction): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason: 'Node.js 22 is the runtime the platform is specified and tested on; moving to 24 is a deliberate upgrade, not a drift.',
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'The AWS-managed basic execution policy only lets the function write its own CloudWatch logs; the function has a dedicated log group with one-year retention.',
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions; this is the only wildcard statement (active tracing).',
  });
}

export interface ContextFunctionsProps {
  /** Which bounded context's functions to create (see infra/definitions/functions.ts). */
  readonly context: BoundedContext;
  readonly table: ITableV2;
  readonly buckets: ReadonlyMap<string, IBucket>;
  readonly queues: ReadonlyMap<string, IQueue>;
}

/**
 * The functions of one bounded context, each with exactly the access its definition declares.
 * Grants sit here, next to the function they are for; the workflow grants (start, callback) are
 * added by the approval workflow construct once the state machine exists.
 */
export class ContextFunctions extends Construct {
  readonly functions: ReadonlyMap<string, NodejsFunction>;

  constructor(scope: Construct, id: string, props: ContextFunctionsProps) {
    super(scope, id);
    const created = new Map<string, NodejsFunction>();
    for (const definition of functionDefinitions.filter((candidate) => candidate.context === props.context)) {
      const logGroup = new LogGroup(this, `${definition.id}Logs`, { retention: RetentionDays.ONE_YEAR });
      const fn = new NodejsFunction(this, definition.id, {
        entry: join(repositoryRoot, definition.entry),
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: definition.memoryMb ?? 512,
        timeout: Duration.seconds(definition.timeoutSeconds ?? 15),
        tracing: Tracing.ACTIVE,
        loggingFormat: LoggingFormat.JSON,
        logGroup,
        environment: {
          [environmentNames.tableName]: props.table.tableName,
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
        },
      });
      acknowledgeFunctionFindings(fn);
      this.grant(fn, definition.access, props);
      if (definition.trigger.kind === 'queue') {
        const queue = props.queues.get(definition.trigger.queueId);
        if (!queue) throw new Error(`unknown queue ${definition.trigger.queueId}`);
        fn.addEventSource(new SqsEventSource(queue, { batchSize: definition.trigger.batchSize, reportBatchItemFailures: true }));
      }
      created.set(definition.id, fn);
    }
    this.functions = created;
  }

  private grant(fn: NodejsFunction, access: readonly Access[], props: ContextFunctionsProps): void {
    for (const grant of access) {
      if (grant === 'table:read' || grant === 'table:write') fn.addToRolePolicy(tableStatement(props.table, grant));
      else if (grant.startsWith('bucket:')) {
        const [, mode, bucketId] = grant.split(':');
        const bucket = props.buckets.get(bucketId as string);
        const definition = bucketDefinitions.find((candidate) => candidate.id === bucketId);
        if (!bucket || !definition) throw new Error(`unknown bucket ${bucketId}`);
        if (mode === 'read') bucket.grantRead(fn);
        else bucket.grantPut(fn);
        fn.addEnvironment(definition.nameEnvironmentVariable, bucket.bucketName);
      } else if (grant.startsWith('queue:consume:')) {
        const queueId = grant.slice('queue:consume:'.length);
        const definition = queueDefinitions.find((candidate) => candidate.id === queueId);
        if (!definition || !props.queues.has(queueId)) throw new Error(`unknown queue ${queueId}`);
      }
      // approval:start and approval:callback are granted by ApprovalWorkflow, which owns the state machine
    }
  }
}
