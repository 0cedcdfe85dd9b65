import type { Access } from '../access';
import type { QueueDefinition } from '../queues';
import type { WorkflowId } from '../workflows';

/**
 * The construct of the stateless stack that deploys a function (`Catalogue`, `Intake`, …). Its
 * functions' logical ids start with it, so a function keeps its construct even when its code moves to
 * another context (materials deploy with intake, the calendar with the catalogue).
 */
export type BoundedContext = 'intake' | 'approval' | 'catalogue' | 'notifications' | 'certificates' | 'reviews' | 'supervision' | 'reconciliation';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type RouteAudience = 'public' | 'citizen' | 'staff';

export type Trigger =
  /**
   * Every route names who may call it, so nothing is public by accident: `public` needs no sign-in; `citizen` needs an ID
   * token of the citizens' issuer and `staff` one of the staff issuer (on AWS a JWT authorizer each, locally the same checks in
   * infra/local/http-api.ts). One route has one audience: where staff do what an applicant does (file a case at the window),
   * the staff form of the route is its own route under /workbench.
   */
  | { readonly kind: 'http'; readonly method: HttpMethod; readonly path: string; readonly audience: RouteAudience }
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
  /**
   * Files copied into the function's bundle beside the handler, which reads them from there (`__dirname`) at run time:
   * static assets esbuild does not bundle (the API docs page's swagger-ui-dist files). Locally the handler reads the
   * same files where they are installed.
   * @default - none
   */
  readonly bundledFiles?: readonly BundledFile[];
}

/** One file copied into a function's bundle. */
export interface BundledFile {
  /** Path from the repository root, e.g. `node_modules/swagger-ui-dist/swagger-ui.css`. */
  readonly from: string;
  /** Path inside the bundle, e.g. `swagger-ui/swagger-ui.css`. */
  readonly to: string;
}

/**
 * A function CloudFormation runs at deploy time as a custom resource (CDK Provider framework) on every deploy
 * that changes what it loads; infra/deploy-time-loader.ts builds it. Not one of `functionDefinitions`: no
 * route, queue or workflow triggers it, and the local target loads the same data itself when it starts.
 */
export interface DeployLoaderDefinition {
  /** Stable construct id in the stateless stack: never rename, CloudFormation would replace the loader and its resource. */
  readonly id: string;
  /** Path of the handler module from the repository root; it exports `handler` (a Provider framework onEvent). */
  readonly entry: string;
  readonly description: string;
  /** The custom resource's CloudFormation type. */
  readonly resourceType: `Custom::${string}`;
  readonly timeoutSeconds: number;
}
