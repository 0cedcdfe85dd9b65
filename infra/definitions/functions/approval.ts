import { answerWorkflow, consumeQueue, readTable, writeTable } from '../access';
import { departmentTaskQueue } from '../queues';
import { approvalWorkflow } from '../workflows';
import type { FunctionDefinition } from './definition';

/**
 * The functions of parallel approval (并联审批): storing each department's task with its token, the
 * department work lists, claims and decisions, and the workflow's escalation and join steps.
 */
export const approvalFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'StoreDepartmentTask',
    context: 'approval',
    entry: 'functions/approval/store-department-task/handler.ts',
    trigger: { kind: 'queue', queue: departmentTaskQueue, batchSize: 10 },
    access: [readTable, writeTable, answerWorkflow(approvalWorkflow), consumeQueue(departmentTaskQueue)],
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
    access: [readTable, writeTable, answerWorkflow(approvalWorkflow)],
  },
  {
    id: 'ClaimTask',
    context: 'approval',
    entry: 'functions/approval/claim-task/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/tasks/{taskId}/claim', audience: 'staff' },
    access: [readTable, writeTable],
  },
  {
    id: 'EscalateTask',
    context: 'approval',
    entry: 'functions/approval/escalate-task/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'ApprovalWorkflow', definitionPlaceholder: 'EscalateTaskFunctionArn' },
    access: [readTable, writeTable],
  },
  {
    id: 'CompleteApproval',
    context: 'approval',
    entry: 'functions/approval/complete-approval/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'ApprovalWorkflow', definitionPlaceholder: 'CompleteApprovalFunctionArn' },
    access: [readTable, writeTable],
  },
];
