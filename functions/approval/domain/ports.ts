import type { CaseEvent } from '../../intake/domain/case';
import type { DepartmentResult, DepartmentTask } from './department-task';

export interface StoredTask {
  readonly task: DepartmentTask;
  /** The current callback token of the workflow, if the task has reached the department. */
  readonly callbackToken?: string;
}

/** Port: durable storage of department tasks; each change is stored with its case timeline event. */
export interface TaskRepository {
  find(tenantId: string, taskId: string): Promise<StoredTask | undefined>;
  findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]>;
  listForDepartment(tenantId: string, deptId: string, status: DepartmentTask['status'], limit: number): Promise<DepartmentTask[]>;
  /** Stores the (re)assignment with its fresh callback token; conditional on the task not being decided. */
  saveAssignment(task: DepartmentTask, callbackToken: string, tokenExpiresAt: string, event: CaseEvent): Promise<void>;
  /** Stores a change conditional on the status the task had when it was read. */
  save(task: DepartmentTask, expectedStatus: DepartmentTask['status'], event: CaseEvent): Promise<void>;
}

export type CallbackOutcome = 'delivered' | 'token-expired';

/** Port: hands a department's result back to the waiting workflow. */
export interface WorkflowCallback {
  succeed(callbackToken: string, result: DepartmentResult): Promise<CallbackOutcome>;
}
