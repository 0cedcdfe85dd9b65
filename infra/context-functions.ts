import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type Access, type BoundedContext, functionDefinitions } from './definitions/functions';
import { bucketDefinitions } from './definitions/buckets';
import { queueDefinitions } from './definitions/queues';
import { platformFunction, tableStatement } from './platform-function';

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
      const fn = platformFunction(this, definition.id, {
        entry: definition.entry,
        table: props.table,
        ...(definition.timeoutSeconds ? { timeoutSeconds: definition.timeoutSeconds } : {}),
        ...(definition.memoryMb ? { memoryMb: definition.memoryMb } : {}),
      });
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
