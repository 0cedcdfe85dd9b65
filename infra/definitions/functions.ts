/**
 * Every function of the platform, described once: where its handler lives, what triggers it and
 * what it may touch. The CDK stateless stack turns each entry into a NodejsFunction with exactly
 * these grants; the local runtime mounts the same handler modules on the same routes and triggers.
 */
import { materialFunctionDefinitions } from '../../functions/materials/function-definitions';
import { certificateFunctionDefinitions } from '../../functions/certificates/function-definitions';
import { reviewFunctionDefinitions } from '../../functions/reviews/function-definitions';
import { supervisionFunctionDefinitions } from '../../functions/supervision/function-definitions';
import { calendarFunctionDefinitions } from '../../functions/calendar/function-definitions';
import type { WorkflowId } from './workflows';

export type BoundedContext = 'intake' | 'approval' | 'catalogue' | 'notifications' | 'certificates' | 'reviews' | 'supervision';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Trigger =
  /** `staff` routes need a signed-in staff account on AWS (the JWT authorizer); the others are for applicants and the public. */
  | { readonly kind: 'http'; readonly method: HttpMethod; readonly path: string; readonly audience?: 'staff' }
  | { readonly kind: 'queue'; readonly queueId: string; readonly batchSize: number }
  /**
   * Reads the table's stream; only records matching the filter (new items of one of these entities) reach the
   * function, on AWS and locally alike. A table stream feeds at most two readers well, so outboxes share them.
   */
  | { readonly kind: 'tableStream'; readonly batchSize: number; readonly filter: { readonly eventName: 'INSERT'; readonly entities: readonly string[] } }
  /** Invoked by a state machine through `lambda:invoke`; the placeholder names it in that machine's ASL. */
  | { readonly kind: 'stateMachineTask'; readonly workflow: WorkflowId; readonly definitionPlaceholder: string }
  /** An EventBridge schedule (AWS only; locally an operator command runs the same use case), with a constant input. */
  | { readonly kind: 'schedule'; readonly cron: { readonly minute: string; readonly hour: string }; readonly input: Readonly<Record<string, unknown>> };

export type Access =
  | 'table:read'
  | 'table:write'
  | 'approval:start'
  | 'approval:callback'
  | 'acceptanceTimer:start'
  | `queue:consume:${string}`
  /** sqs:SendMessage to one queue of the stateful stack, with its URL in the environment. */
  | `queue:send:${string}`
  | `topic:publish:${string}`
  /** Send SMS to applicants (SNS direct publish to phone numbers). */
  | 'notify:sms'
  | `bucket:read:${string}`
  | `bucket:write:${string}`
  /** secretsmanager:GetSecretValue on one secret of the stateful stack (infra/definitions/secrets.ts). */
  | `secret:read:${string}`;

export interface FunctionDefinition {
  /** Stable construct id: never rename, CloudFormation would replace the function. */
  readonly id: string;
  readonly context: BoundedContext;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly trigger: Trigger;
  readonly access: readonly Access[];
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}

export const functionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'CreateCase',
    context: 'intake',
    entry: 'functions/intake/create-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases' },
    access: ['table:read', 'table:write', 'acceptanceTimer:start'],
  },
  {
    id: 'GetCase',
    context: 'intake',
    entry: 'functions/intake/get-case/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/cases/{caseId}' },
    access: ['table:read'],
  },
  {
    id: 'DecideAcceptance',
    context: 'intake',
    entry: 'functions/intake/decide-acceptance/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/acceptance', audience: 'staff' },
    access: ['table:read', 'table:write', 'approval:start', 'bucket:write:CertificatesBucket'],
  },
  {
    id: 'ResubmitCase',
    context: 'intake',
    entry: 'functions/intake/resubmit-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/resubmission' },
    access: ['table:read', 'table:write', 'acceptanceTimer:start'],
  },
  {
    id: 'DeemAcceptance',
    context: 'intake',
    entry: 'functions/intake/deem-acceptance/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'AcceptanceTimer', definitionPlaceholder: 'DeemAcceptanceFunctionArn' },
    access: ['table:read', 'table:write', 'approval:start', 'bucket:write:CertificatesBucket'],
  },
  {
    id: 'RelayCaseEvents',
    context: 'intake',
    entry: 'functions/intake/relay-case-events/handler.ts',
    // the outbox: every timeline event was written in the same transaction as its state change
    trigger: { kind: 'tableStream', batchSize: 100, filter: { eventName: 'INSERT', entities: ['CaseEvent'] } },
    access: ['topic:publish:CaseEventsTopic'],
    timeoutSeconds: 60,
  },
  {
    id: 'DeliverNotifications',
    context: 'notifications',
    entry: 'functions/notifications/deliver-notifications/handler.ts',
    trigger: { kind: 'queue', queueId: 'NotificationQueue', batchSize: 10 },
    access: ['table:read', 'table:write', 'queue:consume:NotificationQueue', 'notify:sms', 'topic:publish:StaffAlertsTopic'],
    timeoutSeconds: 60,
  },
  {
    id: 'VerifyCommitment',
    context: 'intake',
    entry: 'functions/intake/verify-commitment/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/post-verification', audience: 'staff' },
    access: ['table:read', 'table:write'],
  },
  {
    id: 'ListMyCases',
    context: 'intake',
    entry: 'functions/intake/list-my-cases/handler.ts',
    // POST: the applicant's ID number travels in the body, never in a URL that access logs record
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/my-cases' },
    access: ['table:read'],
  },
  {
    id: 'ListItems',
    context: 'catalogue',
    entry: 'functions/catalogue/list-items/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items' },
    access: ['table:read'],
  },
  {
    id: 'GetItemGuide',
    context: 'catalogue',
    entry: 'functions/catalogue/get-item-guide/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items/{itemCode}' },
    access: ['table:read'],
  },
  {
    id: 'ListItemVersions',
    context: 'catalogue',
    entry: 'functions/catalogue/list-item-versions/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items/{itemCode}/versions' },
    access: ['table:read'],
  },
  {
    id: 'GetBundleGuide',
    context: 'catalogue',
    entry: 'functions/catalogue/get-bundle-guide/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/bundles/{bundleCode}' },
    access: ['table:read'],
  },
  {
    id: 'GetDeadline',
    context: 'catalogue',
    entry: 'functions/catalogue/get-deadline/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/calendar/deadline' },
    access: ['table:read'],
  },
  {
    id: 'StoreDepartmentTask',
    context: 'approval',
    entry: 'functions/approval/store-department-task/handler.ts',
    trigger: { kind: 'queue', queueId: 'DepartmentTaskQueue', batchSize: 10 },
    access: ['table:read', 'table:write', 'approval:callback', 'queue:consume:DepartmentTaskQueue'],
    timeoutSeconds: 60,
  },
  {
    id: 'ListDepartmentTasks',
    context: 'approval',
    entry: 'functions/approval/list-department-tasks/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/departments/{deptId}/tasks', audience: 'staff' },
    access: ['table:read'],
  },
  {
    id: 'DecideTask',
    context: 'approval',
    entry: 'functions/approval/decide-task/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/tasks/{taskId}/decision', audience: 'staff' },
    access: ['table:read', 'table:write', 'approval:callback'],
  },
  {
    id: 'ClaimTask',
    context: 'approval',
    entry: 'functions/approval/claim-task/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/tasks/{taskId}/claim', audience: 'staff' },
    access: ['table:read', 'table:write'],
  },
  {
    id: 'EscalateTask',
    context: 'approval',
    entry: 'functions/approval/escalate-task/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'ApprovalWorkflow', definitionPlaceholder: 'EscalateTaskFunctionArn' },
    access: ['table:read', 'table:write'],
  },
  {
    id: 'CompleteApproval',
    context: 'approval',
    entry: 'functions/approval/complete-approval/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'ApprovalWorkflow', definitionPlaceholder: 'CompleteApprovalFunctionArn' },
    access: ['table:read', 'table:write'],
  },
  ...materialFunctionDefinitions,
  ...certificateFunctionDefinitions,
  ...reviewFunctionDefinitions,
  ...supervisionFunctionDefinitions,
  ...calendarFunctionDefinitions,
];

/** Environment variable names shared by the stacks, the local runtime and the handlers. */
export const environmentNames = {
  tableName: 'TABLE_NAME',
} as const;
