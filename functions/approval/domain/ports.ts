import type { CaseEvent } from '../../kernel/events/case-events';
import type { Page } from '../../kernel/page';
import type { DepartmentResult, DepartmentTask } from './department-task';

export interface StoredTask {
  readonly task: DepartmentTask;
  /** The current callback token of the workflow, if the task has reached the department. */
  readonly callbackToken?: string;
  /** When the workflow dispatched that token; only a later dispatch may replace it. */
  readonly tokenDispatchedAt?: string;
}

/** Port: durable storage of department tasks; each change is stored with its case timeline event. */
export interface TaskRepository {
  find(tenantId: string, taskId: string): Promise<StoredTask | undefined>;
  findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]>;
  /** One page of a department's tasks in one status, by stage deadline; `cursor` is the previous page's `nextCursor`. */
  pageForDepartment(
    tenantId: string,
    deptId: string,
    status: DepartmentTask['status'],
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DepartmentTask>>;
  /**
   * Stores the (re)assignment with its fresh callback token, conditional on the task still having the
   * status it was read with (a decision, suspension or 转办 in between is never overwritten) and on no
   * later dispatch having been stored (a redelivered old message never wins).
   */
  saveAssignment(
    task: DepartmentTask,
    token: { callbackToken: string; dispatchedAt: string; expiresAt: string },
    event: CaseEvent,
    expectedStatus: DepartmentTask['status'],
  ): Promise<void>;
  /** Stores a change conditional on the status the task had when it was read. */
  save(task: DepartmentTask, expectedStatus: DepartmentTask['status'], event: CaseEvent): Promise<void>;
}

export type CallbackOutcome = 'delivered' | 'token-expired';

/**
 * What a waiting department step is told: the department decided, or its wait must be recomputed
 * (the clock resumed, the task moved to another department).
 */
export type WorkflowAnswer = ({ readonly outcome: 'decided' } & DepartmentResult) | { readonly outcome: 'rescheduled'; readonly taskId: string };

/** Port: hands a department's answer back to the waiting workflow. */
export interface WorkflowCallback {
  succeed(callbackToken: string, answer: WorkflowAnswer): Promise<CallbackOutcome>;
}
