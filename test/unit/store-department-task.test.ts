import { fixedNationalCalendar } from '../support/calendar';
import type { DepartmentTask } from '../../functions/approval/domain/department-task';
import type { StoredTask, TaskRepository, WorkflowAnswer, WorkflowCallback } from '../../functions/approval/domain/ports';
import type { TenantDirectory } from '../../functions/catalogue/domain/service-item';
import { storeDepartmentTask } from '../../functions/approval/use-cases';
import { InvalidTransitionError } from '../../functions/shared/errors';

/** An in-memory TaskRepository honouring the same conditions as the DynamoDB adapter. */
class InMemoryTasks implements Pick<TaskRepository, 'find' | 'saveAssignment'> {
  readonly rows = new Map<string, StoredTask>();
  readonly events: string[] = [];
  /** Something that happens between this message's read and its write (a department acting). */
  meanwhile?: () => void;
  async find(_tenantId: string, taskId: string) {
    return this.rows.get(taskId);
  }
  async saveAssignment(
    task: DepartmentTask,
    token: { callbackToken: string; dispatchedAt: string },
    event: { type: string },
    expectedStatus: DepartmentTask['status'],
  ) {
    this.meanwhile?.();
    this.meanwhile = undefined;
    const current = this.rows.get(task.taskId);
    if (!current || current.task.status !== expectedStatus || (current.tokenDispatchedAt && current.tokenDispatchedAt > token.dispatchedAt))
      throw new InvalidTransitionError('冲突', 'conflict');
    this.rows.set(task.taskId, { task, callbackToken: token.callbackToken, tokenDispatchedAt: token.dispatchedAt });
    this.events.push(event.type);
  }
}

class RecordingCallback implements WorkflowCallback {
  readonly answered: { token: string; result: WorkflowAnswer }[] = [];
  async succeed(token: string, result: WorkflowAnswer) {
    this.answered.push({ token, result });
    return 'delivered' as const;
  }
}

const waitingTask: DepartmentTask = {
  tenantId: '522732',
  taskId: 'T1',
  caseId: 'C1',
  deptId: 'SCJGJ',
  lead: true,
  itemCode: 'X',
  itemName: 'x',
  status: 'waiting',
  stageDays: 3,
  createdAt: '2026-11-23T02:00:00.000Z',
  light: 'green',
  escalations: 0,
};

const message = (token: string, dispatchedAt: string) => ({
  taskToken: token,
  tenantId: '522732',
  caseId: 'C1',
  taskId: 'T1',
  deptId: 'SCJGJ',
  timeoutSeconds: 60,
  dispatchedAt,
});

const given = () => {
  const tasks = new InMemoryTasks();
  tasks.rows.set('T1', { task: waitingTask });
  const callback = new RecordingCallback();
  let id = 0;
  const noTenants = { profile: async () => undefined } as unknown as TenantDirectory;
  const deps = {
    tasks: tasks as unknown as TaskRepository,
    tenants: noTenants,
    callback,
    calendar: fixedNationalCalendar(),
    clock: { now: () => new Date('2026-11-23T03:00:00.000Z') },
    ids: { next: () => `E${(id += 1)}` },
  };
  return { tasks, callback, deps };
};

describe('given a task the workflow dispatched twice (an escalation re-sent it)', () => {
  it('when the newer message arrives first and the older one after, then the newer token stays', async () => {
    const { tasks, deps } = given();
    await expect(storeDepartmentTask(deps, message('new', '2026-11-23T02:59:00.000Z'))).resolves.toBe('stored');
    await expect(storeDepartmentTask(deps, message('old', '2026-11-23T02:00:00.000Z'))).resolves.toBe('stale-message-ignored');
    expect(tasks.rows.get('T1')?.callbackToken).toBe('new');
    expect(tasks.events).toEqual(['DepartmentTaskAssigned']);
  });

  it('when they arrive in order, then the second is recorded as a re-issue with the fresh token', async () => {
    const { tasks, deps } = given();
    await storeDepartmentTask(deps, message('old', '2026-11-23T02:00:00.000Z'));
    await storeDepartmentTask(deps, message('new', '2026-11-23T02:59:00.000Z'));
    expect(tasks.rows.get('T1')?.callbackToken).toBe('new');
    expect(tasks.events).toEqual(['DepartmentTaskAssigned', 'DepartmentTaskReissued']);
  });
});

describe('given a task its department already decided', () => {
  it('when the workflow dispatches it again, then the stored decision answers the new token at once', async () => {
    const { tasks, callback, deps } = given();
    tasks.rows.set('T1', { task: { ...waitingTask, status: 'approved', decision: 'approve', decidedAt: '2026-11-23T02:30:00.000Z' }, callbackToken: 'old' });
    await expect(storeDepartmentTask(deps, message('fresh', '2026-11-23T02:59:00.000Z'))).resolves.toBe('answered-from-record');
    expect(callback.answered).toEqual([{ token: 'fresh', result: { outcome: 'decided', taskId: 'T1', deptId: 'SCJGJ', decision: 'approve' } }]);
  });
});

describe('given a pending task the workflow re-sends while its department suspends it for 现场勘察', () => {
  it('when the suspension lands between the read and the write, then it is kept and the fresh token is stored with it', async () => {
    const { tasks, deps } = given();
    await storeDepartmentTask(deps, message('first', '2026-11-23T02:00:00.000Z'));
    const suspended = {
      ...(tasks.rows.get('T1')?.task as DepartmentTask),
      status: 'suspended' as const,
      suspensions: [{ kind: '现场勘察' as const, reason: '核实', expectedDays: 2, from: '2026-11-23T02:30:00.000Z' }],
    };
    tasks.meanwhile = () => tasks.rows.set('T1', { task: suspended, callbackToken: 'first', tokenDispatchedAt: '2026-11-23T02:00:00.000Z' });
    await expect(storeDepartmentTask(deps, message('second', '2026-11-23T02:59:00.000Z'))).resolves.toBe('stored');
    expect(tasks.rows.get('T1')).toMatchObject({
      callbackToken: 'second',
      task: { status: 'suspended', suspensions: [expect.objectContaining({ kind: '现场勘察' })] },
    });
  });
});
