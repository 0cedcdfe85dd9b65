import type { Access } from '../access';
import type { QueueDefinition } from '../queues';
import type { WorkflowId } from '../workflows';

/**
 * The construct of the stateless stack that deploys a function (`Catalogue`, `Intake`, …). Its
 * functions' logical ids start with it, so a function keeps its construct even when its code moves to
 * another context (materials deploy with intake, the calendar with the catalogue).
 */
export type BoundedContext = 'intake' | 'approval' | 'catalogue' | 'notifications' | 'certificates' | 'reviews' | 'supervision';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Trigger =
  /** `staff` routes need a signed-in staff account on AWS (the JWT authorizer); the others are for applicants and the public. */
  | { readonly kind: 'http'; readonly method: HttpMethod; readonly path: string; readonly audience?: 'staff' }
  /** An SQS event source (locally a poller) on one queue of the stateful stack; the function also lists `consumeQueue` of it. */
  | { readonly kind: 'queue'; readonly queue: QueueDefinition; readonly batchSize: number }
  /**
   * Reads the table's stream; only records matching the filter (new items of one of these entities) reach the
   * function, on AWS and locally alike. A table stream feeds at most two readers well, so outboxes share them.
   */
  | { readonly kind: 'tableStream'; readonly batchSize: number; readonly filter: { readonly eventName: 'INSERT'; readonly entities: readonly string[] } }
  /** Invoked by a state machine through `lambda:invoke`; the placeholder names it in that machine's ASL. */
  | { readonly kind: 'stateMachineTask'; readonly workflow: WorkflowId; readonly definitionPlaceholder: string }
  /** An EventBridge schedule (AWS only; locally an operator command runs the same use case), with a constant input. */
  | { readonly kind: 'schedule'; readonly cron: { readonly minute: string; readonly hour: string }; readonly input: Readonly<Record<string, unknown>> };

export interface FunctionDefinition {
  /** Stable construct id: never rename, CloudFormation would replace the function. */
  readonly id: string;
  /** The construct that deploys it; never change it either (the logical id would change). */
  readonly context: BoundedContext;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly trigger: Trigger;
  readonly access: readonly Access[];
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}
