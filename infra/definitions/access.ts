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
 */
export type Access =
  /** The single table: `read` is Get/BatchGet/Query (table and each index by name), `write` is Put/Update/Delete/BatchWrite. */
  | { readonly kind: 'table'; readonly mode: 'read' | 'write' }
  /**
   * One queue of the stateful stack. `consume` states the queue the function's queue trigger reads (the event source
   * grants the receive and delete actions); `send` is sqs:SendMessage, with the queue URL in the environment.
   */
  | { readonly kind: 'queue'; readonly queue: QueueDefinition; readonly mode: 'consume' | 'send' }
  /** sns:Publish to one topic, with its ARN in the environment. */
  | { readonly kind: 'topic'; readonly topic: TopicDefinition }
  /** Objects of one bucket (and its KMS key), with the bucket name in the environment. */
  | { readonly kind: 'bucket'; readonly bucket: BucketDefinition; readonly mode: 'read' | 'write' }
  /** secretsmanager:GetSecretValue on one secret, with its ARN in the environment. */
  | { readonly kind: 'secret'; readonly secret: SecretDefinition }
  /** Start executions of a state machine, or answer its task tokens (SendTaskSuccess/Failure/Heartbeat), with its ARN in the environment. */
  | { readonly kind: 'workflow'; readonly workflow: WorkflowDefinition; readonly mode: 'start' | 'callback' }
  /** SMS to applicants: an SNS publish to a phone number, which has no resource ARN. */
  | { readonly kind: 'sms' };

export type AccessKind = Access['kind'];

export const readTable: Access = { kind: 'table', mode: 'read' };
export const writeTable: Access = { kind: 'table', mode: 'write' };
export const consumeQueue = (queue: QueueDefinition): Access => ({ kind: 'queue', queue, mode: 'consume' });
export const sendToQueue = (queue: QueueDefinition): Access => ({ kind: 'queue', queue, mode: 'send' });
export const publishTo = (topic: TopicDefinition): Access => ({ kind: 'topic', topic });
export const readBucket = (bucket: BucketDefinition): Access => ({ kind: 'bucket', bucket, mode: 'read' });
export const writeBucket = (bucket: BucketDefinition): Access => ({ kind: 'bucket', bucket, mode: 'write' });
export const readSecret = (secret: SecretDefinition): Access => ({ kind: 'secret', secret });
export const startWorkflow = (workflow: WorkflowDefinition): Access => ({ kind: 'workflow', workflow, mode: 'start' });
export const answerWorkflow = (workflow: WorkflowDefinition): Access => ({ kind: 'workflow', workflow, mode: 'callback' });
export const sendSms: Access = { kind: 'sms' };

/** For a `switch` over `Access['kind']` (or any union): a new kind without a case is a type error here. */
export function unhandledAccess(access: never): never {
  throw new Error(`unhandled access ${JSON.stringify(access)}`);
}

/** A readable label of an access (`bucket:write:CertificatesBucket`), for messages and comparisons; never parsed. */
export function describeAccess(access: Access): string {
  switch (access.kind) {
    case 'table':
      return `table:${access.mode}`;
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

/** Whether a function's access list holds this access (same kind, mode and resource). */
export const includesAccess = (accesses: readonly Access[], wanted: Access): boolean =>
  accesses.some((access) => describeAccess(access) === describeAccess(wanted));
