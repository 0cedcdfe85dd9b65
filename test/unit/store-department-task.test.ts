import { fixedNationalCalendar } from '../support/calendar';
import type { DepartmentTask } from '../../functions/approval/domain/department-task';
import { storeDepartmentTask } from '../../functions/approval/use-cases';
import { InMemoryTable, InMemoryTaskRepository, InMemoryTenantDirectory, keyOf, RecordingWorkflowCallback } from '../support/fakes';

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

/** The task's row in the shared table, as the adapter's item holds it (with the workflow's token). */
const T1 = keyOf('522732', 'T1');

const given = () => {
  const table = new InMemoryTable();
  const tasks = new InMemoryTaskRepository(table);
  table.tasks.set(T1, { task: waitingTask });
  const callback = new RecordingWorkflowCallback();
  let id = 0;
  const deps = {
    tasks,
    tenants: new InMemoryTenantDirectory(table),
    callback,
    calendar: fixedNationalCalendar(),
    clock: { now: () => new Date('2026-11-23T03:00:00.000Z') },
    ids: { next: () => `E${(id += 1)}` },
  };
  /** The types of the events the changes wrote to the case timeline, in order. */
  const events = () => table.timeline<{ type: string }>('522732', 'C1').map((event) => event.type);
  return { table, tasks, callback, deps, events };
};

describe('given a task the workflow dispatched twice (an escalation re-sent it)', () => {
  it('when the newer message arrives first and the older one after, then the newer token stays', async () => {
    const { tasks, deps, events } = given();
    await expect(storeDepartmentTask(deps, message('new', '2026-11-23T02:59:00.000Z'))).resolves.toBe('stored');
    await expect(storeDepartmentTask(deps, message('old', '2026-11-23T02:00:00.000Z'))).resolves.toBe('stale-message-ignored');
    expect((await tasks.find('522732', 'T1'))?.callbackToken).toBe('new');
    expect(events()).toEqual(['DepartmentTaskAssigned']);
  });

  it('when they arrive in order, then the second is recorded as a re-issue with the fresh token', async () => {
    const { tasks, deps, events } = given();
    await storeDepartmentTask(deps, message('old', '2026-11-23T02:00:00.000Z'));
    await storeDepartmentTask(deps, message('new', '2026-11-23T02:59:00.000Z'));
    expect((await tasks.find('522732', 'T1'))?.callbackToken).toBe('new');
    expect(events()).toEqual(['DepartmentTaskAssigned', 'DepartmentTaskReissued']);
  });
});

describe('given a task its department already decided', () => {
  it('when the workflow dispatches it again, then the stored decision answers the new token at once', async () => {
    const { table, callback, deps } = given();
    table.tasks.set(T1, { task: { ...waitingTask, status: 'approved', decision: 'approve', decidedAt: '2026-11-23T02:30:00.000Z' }, callbackToken: 'old' });
    await expect(storeDepartmentTask(deps, message('fresh', '2026-11-23T02:59:00.000Z'))).resolves.toBe('answered-from-record');
    expect(callback.answered).toEqual([{ token: 'fresh', result: { outcome: 'decided', taskId: 'T1', deptId: 'SCJGJ', decision: 'approve' } }]);
  });
});

describe('given a pending task the workflow re-sends while its department suspends it for 现场勘察', () => {
  it('when the suspension lands between the read and the write, then it is kept and the fresh token is stored with it', async () => {
    const { table, tasks, deps } = given();
    await storeDepartmentTask(deps, message('first', '2026-11-23T02:00:00.000Z'));
    const suspended = {
      ...((await tasks.find('522732', 'T1'))?.task as DepartmentTask),
      status: 'suspended' as const,
      suspensions: [{ kind: '现场勘察' as const, reason: '核实', expectedDays: 2, from: '2026-11-23T02:30:00.000Z' }],
    };
    tasks.meanwhile = () => table.tasks.set(T1, { task: suspended, callbackToken: 'first', tokenDispatchedAt: '2026-11-23T02:00:00.000Z' });
    await expect(storeDepartmentTask(deps, message('second', '2026-11-23T02:59:00.000Z'))).resolves.toBe('stored');
    expect(await tasks.find('522732', 'T1')).toMatchObject({
      callbackToken: 'second',
      task: { status: 'suspended', suspensions: [expect.objectContaining({ kind: '现场勘察' })] },
    });
  });
});
