/**
 * The approval context's use cases, one module each, with the request and message schemas their
 * handlers parse and the dependencies they take. Handlers, scripts and tests import from here.
 */
export { claimDepartmentTask } from './claim-department-task';
export { completeApproval } from './complete-approval';
export { decideDepartmentTask, replayTaskDecision } from './decide-department-task';
export type { ApprovalDependencies } from './dependencies';
export { escalateOverdueTask } from './escalate-overdue-task';
export { listDepartmentTasks } from './list-department-tasks';
export { completionInput, escalationInput, taskDecisionBody, taskListQuery, taskMessageSchema } from './requests';
export { storeDepartmentTask } from './store-department-task';
