import { answerWorkflow, consumeQueue, idempotentRequests, putItems, readTable, updateItems } from '../access';
import { departmentTaskQueue } from '../queues';
import { approvalWorkflow } from '../workflows';
import type { FunctionDefinition } from './definition';

/**
 * The functions of parallel approval (并联审批): storing each department's task with its token, the
 * department work lists, claims and decisions, and the workflow's escalation and join steps. A task
 * changes by UpdateItem (attributes it does not name, the callback token, stay), with its case event put
 * in the same transaction.
 */
export const approvalFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'StoreDepartmentTask',
    context: 'approval',
    entry: 'functions/approval/store-department-task/handler.ts',
    trigger: { kind: 'queue', queue: departmentTaskQueue, batchSize: 10 },
    access: [readTable, putItems, updateItems, answerWorkflow(approvalWorkflow), consumeQueue(departmentTaskQueue)],
    timeoutSeconds: 60,
  },
  {
    id: 'ListDepartmentTasks',
    context: 'approval',
    entry: 'functions/approval/list-department-tasks/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/departments/{deptId}/tasks', audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'DecideTask',
    context: 'approval',
    entry: 'functions/approval/decide-task/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/tasks/{taskId}/decision', audience: 'staff' },
    access: [readTable, putItems, updateItems, idempotentRequests, answerWorkflow(approvalWorkflow)],
  },
  {
    id: 'ClaimTask',
    context: 'approval',
    entry: 'functions/approval/claim-task/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/tasks/{taskId}/claim', audience: 'staff' },
    access: [readTable, putItems, updateItems],
  },
  {
    id: 'EscalateTask',
    context: 'approval',
    entry: 'functions/approval/escalate-task/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'ApprovalWorkflow', definitionPlaceholder: 'EscalateTaskFunctionArn' },
    access: [readTable, putItems, updateItems],
  },
  {
    id: 'CompleteApproval',
    context: 'approval',
    entry: 'functions/approval/complete-approval/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'ApprovalWorkflow', definitionPlaceholder: 'CompleteApprovalFunctionArn' },
    // the case's next revision, and the tasks it cancels or voids (updates that keep their tokens)
    access: [readTable, putItems, updateItems],
  },
];
