import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { keys } from '../functions/shared/table/keys';
import type { TableOperation } from './definitions/access';
import { tableDefinition } from './definitions/table';

const repositoryRoot = join(__dirname, '..');

/** The DynamoDB actions of each table operation (infra/definitions/access.ts); nothing grants BatchWriteItem, which no adapter calls. */
const tableActions: Readonly<Record<TableOperation, readonly string[]>> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  put: ['dynamodb:PutItem'],
  update: ['dynamodb:UpdateItem'],
  conditionCheck: ['dynamodb:ConditionCheckItem'],
  // the claim is put, released by an update or deleted, and marked committed by an update inside the call's transaction
  idempotency: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};

/**
 * `LeadingKeys` patterns built with the key builders themselves (functions/shared/table/keys.ts), so the conditions
 * follow the key format: every `Idempotency-Key` record, and every audit day partition (`T#<tenant>#AUDIT#<day>`).
 */
export const idempotencyPartitions = keys.idempotency('*', '*', '*').PK;
export const auditPartitions = keys.auditDay('*', '*');

/** Table access named index by index, so no policy carries an `index/*` wildcard; idempotency records only by their leading key. */
export function tableStatementFor(table: ITableV2, operation: TableOperation): PolicyStatement {
  const indexArns = tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  return new PolicyStatement({
    actions: [...tableActions[operation]],
    resources: operation === 'read' ? [table.tableArn, ...indexArns] : [table.tableArn],
    ...(operation === 'idempotency' ? { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [idempotencyPartitions] } } } : {}),
  });
}

/**
 * The table access of the deploy-time loaders (infra/deploy-time-loader.ts): `read`, or `write`, which for them is PutItem
 * only (configuration, notices and their audit records are put new or whole; nothing is updated in place or deleted).
 */
export function tableStatement(table: ITableV2, mode: 'read' | 'write'): PolicyStatement {
  return tableStatementFor(table, mode === 'read' ? 'read' : 'put');
}

/**
 * Audit records are written by the functions that name `writeAuditTrail` and by the deploy-time loaders, nobody else: every
 * other function that may write the table is denied writes whose partition key is an audit day (an explicit Deny wins over
 * any Allow, including one added later by mistake).
 */
export function auditTrailDenyStatement(table: ITableV2): PolicyStatement {
  return new PolicyStatement({
    effect: Effect.DENY,
    actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
    resources: [table.tableArn],
    conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [auditPartitions] } },
  });
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
 * The X-Ray write actions every traced function needs, in one managed policy per stack. X-Ray supports no resource-level
 * permissions, so these two actions need `Resource: *`; kept out of the functions' own policies, the wildcard is
 * acknowledged once, here, and a function policy that carries one anyway is a finding of its own.
 */
function tracingPolicy(scope: Construct): ManagedPolicy {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('FunctionTracingPolicy');
  if (existing) return existing as ManagedPolicy;
  const policy = new ManagedPolicy(stack, 'FunctionTracingPolicy', {
    description: 'Tongban: lets the platform functions send their X-Ray traces (active tracing)',
    statements: [new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; this policy holds these two actions and nothing else.',
  });
  return policy;
}

/**
 * A platform Lambda function with the defaults every function shares: Node.js 22 on arm64, esbuild
 * bundle without the SDK, Powertools environment, JSON logs in a dedicated log group, active tracing
 * (with the stack's tracing policy, not a wildcard statement in the function's own policy),
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
  // tracing set on the resource itself: `tracing: Tracing.ACTIVE` would add the X-Ray wildcard to the function's own policy.
  // The role carries the managed policy from its creation, which Lambda checks when tracing is active.
  (fn.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
  fn.role?.addManagedPolicy(tracingPolicy(scope));
  return fn;
}
