import type { DepartmentTask } from '../../../functions/approval/domain/department-task';
import type { StoredTask, TaskRepository } from '../../../functions/approval/domain/ports';
import type { CaseEvent } from '../../../functions/kernel/events/case-events';
import type { Page } from '../../../functions/kernel/page';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { decodeCursor, encodeCursor } from '../../../functions/shared/table/cursor';
import { copy, InMemoryTable, keyOf } from './table';

const concurrentChange = () =>
  new InvalidTransitionError('审批任务已被其他操作更新，请刷新后重试', 'The task was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');

/** Sorts after every real deadline, as the adapter's index does for a stage without one. */
const UNSCHEDULED = '9999-12-31';

/**
 * The TaskRepository over the shared table, with the adapter's conditions: a change only from the status
 * it was read with, an assignment never older than the stored dispatch, each change with its case event.
 */
export class InMemoryTaskRepository implements TaskRepository {
  /** Something that happens between a use case's read and its next write (a department acting meanwhile); runs once. */
  meanwhile?: () => void;

  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async find(tenantId: string, taskId: string): Promise<StoredTask | undefined> {
    const stored = this.table.tasks.get(keyOf(tenantId, taskId));
    if (!stored) return undefined;
    return {
      task: copy(stored.task as DepartmentTask),
      ...(stored.callbackToken ? { callbackToken: stored.callbackToken } : {}),
      ...(stored.tokenDispatchedAt ? { tokenDispatchedAt: stored.tokenDispatchedAt } : {}),
    };
  }

  async findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]> {
    return taskIds
      .map((taskId) => this.table.tasks.get(keyOf(tenantId, taskId))?.task as DepartmentTask | undefined)
      .filter((task): task is DepartmentTask => task !== undefined)
      .map((task) => copy(task));
  }

  async pageForDepartment(
    tenantId: string,
    deptId: string,
    status: DepartmentTask['status'],
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DepartmentTask>> {
    // the adapter's opaque cursor, naming the department's partition and the status prefix, so another list's is refused alike
    const partition = `${tenantId}#${deptId}`;
    const prefix = `${status}#`;
    const sortKey = (task: DepartmentTask) => `${status}#${task.stageDeadline ?? UNSCHEDULED}#${task.taskId}`;
    const after = decodeCursor(page.cursor, 'partition', partition, { attribute: 'sort', prefix })?.sort;
    const listed = [...this.table.tasks.entries()]
      .filter(([key]) => key.startsWith(`${tenantId}#`))
      .map(([, stored]) => stored.task as DepartmentTask)
      .filter((task) => task.deptId === deptId && task.status === status && (after === undefined || sortKey(task) > after))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    const shown = listed.slice(0, page.limit);
    const last = listed.length > page.limit ? shown[shown.length - 1] : undefined;
    return { items: shown.map((task) => copy(task)), nextCursor: last ? encodeCursor({ partition, sort: sortKey(last) }) : undefined };
  }

  async saveAssignment(
    task: DepartmentTask,
    token: { callbackToken: string; dispatchedAt: string; expiresAt: string },
    event: CaseEvent,
    expectedStatus: DepartmentTask['status'],
  ): Promise<void> {
    this.runMeanwhile();
    const stored = this.table.tasks.get(keyOf(task.tenantId, task.taskId));
    if (
      !stored ||
      (stored.task as DepartmentTask).status !== expectedStatus ||
      (stored.tokenDispatchedAt !== undefined && stored.tokenDispatchedAt > token.dispatchedAt)
    ) {
      throw concurrentChange();
    }
    this.write(task, event, { callbackToken: token.callbackToken, tokenDispatchedAt: token.dispatchedAt, tokenExpiresAt: token.expiresAt });
  }

  async save(task: DepartmentTask, expectedStatus: DepartmentTask['status'], event: CaseEvent): Promise<void> {
    this.runMeanwhile();
    const stored = this.table.tasks.get(keyOf(task.tenantId, task.taskId));
    // the adapter's update on a missing item fails `#status = :expected` as well
    if ((stored?.task as DepartmentTask | undefined)?.status !== expectedStatus) throw concurrentChange();
    this.write(task, event, {});
  }

  /** An update, not a put: the stored callback token stays unless a new one comes with the change. */
  private write(task: DepartmentTask, event: CaseEvent, token: { callbackToken?: string; tokenDispatchedAt?: string; tokenExpiresAt?: string }): void {
    if (!this.table.eventsAreNew(task.tenantId, [event])) throw concurrentChange();
    const key = keyOf(task.tenantId, task.taskId);
    this.table.tasks.set(key, { ...this.table.tasks.get(key), ...token, task: copy(task) });
    this.table.appendEvents(task.tenantId, [event]);
  }

  private runMeanwhile(): void {
    const meanwhile = this.meanwhile;
    this.meanwhile = undefined;
    meanwhile?.();
  }
}
