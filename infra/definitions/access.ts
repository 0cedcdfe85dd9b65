import type { BucketDefinition } from './buckets';
import type { QueueDefinition } from './queues';
import type { SecretDefinition } from './secrets';
import type { TopicDefinition } from './topics';
import type { WorkflowDefinition } from './workflows';

/**
 * What a function may touch, as values that name the resource definitions themselves: a typo is a
 * type error, not a grant that silently matches nothing. The CDK stacks turn each value into its
 * least-privilege grant and the environment variable that goes with it (infra/context-functions.ts,
 * and infra/workflow.ts for the state machines); the local runtime grants nothing and reads none of it.
 *
 * What a function does with the single table is said one kind of request at a time, so a function is granted the
 * DynamoDB actions its adapters call and no others (docs/decisions.md, "Least privilege per function"):
 * - `read`: GetItem, BatchGetItem, Query (the table and each index by name).
 * - `put`: PutItem, the only way the adapters write an item (new items, revisions on a condition, timeline events), also
 *   inside TransactWriteItems.
 * - `update`: UpdateItem, for the few writes that change attributes in place (task tokens, counters, revocations).
 * - `conditionCheck`: ConditionCheckItem, a transaction's guard on an item it does not write (the case's status).
 * - `idempotency`: PutItem and DeleteItem on `Idempotency-Key` records only (partitions `T#<tenant>#IDEM#…`, by
 *   `dynamodb:LeadingKeys`); the delete releases a claim when the call failed, and is the platform's only DeleteItem.
 */
export type TableOperation = 'read' | 'put' | 'update' | 'conditionCheck' | 'idempotency';

/**
 * Objects of a bucket: `read` is GetObject and GetObjectVersion (and ListBucket, so a missing object answers 404), `write`
 * is PutObject, `delete` is DeleteObject and DeleteObjectVersion, refused at synthesis on a bucket whose every version
 * is kept (certificates, audit exports).
 */
export type BucketOperation = 'read' | 'write' | 'delete';

export type Access =
  /** One kind of request on the single table (`TableOperation`). */
  | { readonly kind: 'table'; readonly operation: TableOperation }
  /**
   * The function writes audit records (全流程电子监察): without this, every function that may write the table is denied
   * writes to the audit partitions (`dynamodb:LeadingKeys` like `T#*#AUDIT#*`), so the trail has exactly the writers named.
   */
  | { readonly kind: 'auditTrail' }
  /**
   * One queue of the stateful stack. `consume` states the queue the function's queue trigger reads (the event source
   * grants the receive and delete actions); `send` is sqs:SendMessage, with the queue URL in the environment.
   */
  | { readonly kind: 'queue'; readonly queue: QueueDefinition; readonly mode: 'consume' | 'send' }
  /** sns:Publish to one topic, with its ARN in the environment. */
  | { readonly kind: 'topic'; readonly topic: TopicDefinition }
  /** Objects of one bucket (and its KMS key), with the bucket name in the environment. */
  | { readonly kind: 'bucket'; readonly bucket: BucketDefinition; readonly mode: BucketOperation }
  /** secretsmanager:GetSecretValue on one secret, with its ARN in the environment. */
  | { readonly kind: 'secret'; readonly secret: SecretDefinition }
  /** Start executions of a state machine, or answer its task tokens (SendTaskSuccess/Failure/Heartbeat), with its ARN in the environment. */
  | { readonly kind: 'workflow'; readonly workflow: WorkflowDefinition; readonly mode: 'start' | 'callback' | 'observe' | 'stop' }
  /**
   * Text messages to applicants through the deployment's SMS channel (config/deployments/<name>.yaml): an SNS publish to a
   * phone number (`sns`, no resource ARN), or the county's gateway with its bearer-token secret (`http-gateway`).
   */
  | { readonly kind: 'sms' };

export type AccessKind = Access['kind'];

export const readTable: Access = { kind: 'table', operation: 'read' };
export const putItems: Access = { kind: 'table', operation: 'put' };
export const updateItems: Access = { kind: 'table', operation: 'update' };
export const checkItems: Access = { kind: 'table', operation: 'conditionCheck' };
export const idempotentRequests: Access = { kind: 'table', operation: 'idempotency' };
export const writeAuditTrail: Access = { kind: 'auditTrail' };
export const consumeQueue = (queue: QueueDefinition): Access => ({ kind: 'queue', queue, mode: 'consume' });
export const sendToQueue = (queue: QueueDefinition): Access => ({ kind: 'queue', queue, mode: 'send' });
export const publishTo = (topic: TopicDefinition): Access => ({ kind: 'topic', topic });
export const readBucket = (bucket: BucketDefinition): Access => ({ kind: 'bucket', bucket, mode: 'read' });
export const writeBucket = (bucket: BucketDefinition): Access => ({ kind: 'bucket', bucket, mode: 'write' });
export const deleteFromBucket = (bucket: BucketDefinition): Access => ({ kind: 'bucket', bucket, mode: 'delete' });
export const readSecret = (secret: SecretDefinition): Access => ({ kind: 'secret', secret });
export const startWorkflow = (workflow: WorkflowDefinition): Access => ({ kind: 'workflow', workflow, mode: 'start' });
export const answerWorkflow = (workflow: WorkflowDefinition): Access => ({ kind: 'workflow', workflow, mode: 'callback' });
/** Read the state machine's executions (DescribeExecution): whether a case's timer or workflow still runs. */
export const observeWorkflow = (workflow: WorkflowDefinition): Access => ({ kind: 'workflow', workflow, mode: 'observe' });
/** Stop the state machine's executions (StopExecution): a decided receipt's acceptance timer. */
export const stopWorkflow = (workflow: WorkflowDefinition): Access => ({ kind: 'workflow', workflow, mode: 'stop' });
export const sendSms: Access = { kind: 'sms' };

/** For a `switch` over `Access['kind']` (or any union): a new kind without a case is a type error here. */
export function unhandledAccess(access: never): never {
  throw new Error(`unhandled access ${JSON.stringify(access)}`);
}

/** A readable label of an access (`bucket:write:CertificatesBucket`), for messages and comparisons; never parsed. */
export function describeAccess(access: Access): string {
  switch (access.kind) {
    case 'table':
      return `table:${access.operation}`;
    case 'auditTrail':
      return 'audit:write';
    case 'queue':
      return `queue:${access.mode}:${access.queue.id}`;
    case 'topic':
      return `topic:publish:${access.topic.id}`;
    case 'bucket':
      return `bucket:${access.mode}:${access.bucket.id}`;
    case 'secret':
      return `secret:read:${access.secret.id}`;
    case 'workflow':
      return `workflow:${access.mode}:${access.workflow.id}`;
    case 'sms':
      return 'sms';
    default:
      return unhandledAccess(access);
  }
}

/** Whether the function may write the table at all (any operation but `read`). */
export const writesTable = (accesses: readonly Access[]): boolean => accesses.some((access) => access.kind === 'table' && access.operation !== 'read');

/** Whether a function's access list holds this access (same kind, mode and resource). */
export const includesAccess = (accesses: readonly Access[], wanted: Access): boolean =>
  accesses.some((access) => describeAccess(access) === describeAccess(wanted));
