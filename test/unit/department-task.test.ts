import { assignTask, decideTask, type DepartmentTask, resultOf } from '../../functions/approval/domain/department-task';
import { stageLight, taskWaitSeconds, CALENDAR_GAP_RECHECK_SECONDS } from '../../functions/approval/domain/task-clock';
import { InvalidTransitionError } from '../../functions/shared/errors';
import { nationalCalendar } from '../../functions/domain/calendar';

const aTask = (overrides: Partial<DepartmentTask> = {}): DepartmentTask => ({
  tenantId: '522732',
  taskId: 'T1',
  caseId: 'C1',
  deptId: 'SCJGJ',
  lead: true,
  itemCode: 'X',
  itemName: '个体工商户登记',
  status: 'waiting',
  stageDays: 3,
  // Monday 2026-11-23, 10:00 in Shanghai; 3 working days -> Thursday 2026-11-26
  createdAt: '2026-11-23T02:00:00.000Z',
  stageDeadline: '2026-11-26T23:59:59+08:00',
  light: 'green',
  escalations: 0,
  ...overrides,
});

describe('given a task waiting for its department', () => {
  it('then assignment makes it pending and keeps the first assignment time on re-sends', () => {
    const first = assignTask(aTask(), '2026-11-23T02:00:01.000Z');
    const again = assignTask(first, '2026-11-24T02:00:01.000Z');
    expect(first.status).toBe('pending');
    expect(again.assignedAt).toBe('2026-11-23T02:00:01.000Z');
  });

  it('then it cannot be decided before it reached the department', () => {
    expect(() => decideTask(aTask(), 'approve', undefined, '2026-11-23T03:00:00.000Z')).toThrow(InvalidTransitionError);
  });
});

describe('given a pending task', () => {
  const pending = () => assignTask(aTask(), '2026-11-23T02:00:01.000Z');

  it('then approving records the decision, and a second decision is refused as stale', () => {
    const approved = decideTask(pending(), 'approve', undefined, '2026-11-24T01:00:00.000Z');
    expect(resultOf(approved)).toEqual({ taskId: 'T1', deptId: 'SCJGJ', decision: 'approve' });
    expect(() => decideTask(approved, 'deny', 'x', '2026-11-24T02:00:00.000Z')).toThrow(expect.objectContaining({ code: 'TASK_NOT_PENDING' }));
  });

  it('then a denial carries its reason to the workflow', () => {
    expect(resultOf(decideTask(pending(), 'deny', '材料不实', '2026-11-24T01:00:00.000Z'))).toMatchObject({ decision: 'deny', reason: '材料不实' });
  });
});

describe('given the stage clock of a task started Monday 2026-11-23 with 3 working days', () => {
  it.each([
    ['Monday noon', '2026-11-23T04:00:00.000Z', 'green'],
    ['Wednesday (one working day left)', '2026-11-25T04:00:00.000Z', 'yellow'],
    ['Thursday, the deadline day', '2026-11-26T15:59:00.000Z', 'yellow'],
    ['Friday, past the deadline', '2026-11-27T01:00:00.000Z', 'red'],
  ])('when it is %s then the light is %s', (_label, now, light) => {
    expect(stageLight(aTask({ status: 'pending' }), new Date(now))).toBe(light);
  });

  it('then the wait lasts until the next light change: midnight before Wednesday (Shanghai)', () => {
    const now = new Date('2026-11-23T04:00:00.000Z');
    const seconds = taskWaitSeconds(aTask({ status: 'pending' }), now);
    expect(new Date(now.getTime() + seconds * 1000).toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });
});

describe('given a tenant that closes on Tuesday 2026-11-24 (a local festival)', () => {
  it('then the same stage is due a day later: still yellow on Friday, where the national calendar says red', () => {
    const friday = new Date('2026-11-27T01:00:00.000Z');
    const task = aTask({ status: 'pending' });
    expect(stageLight(task, friday)).toBe('red');
    expect(stageLight(task, friday, nationalCalendar.withExtraClosures(['2026-11-24']))).toBe('yellow');
  });
});

describe('given a stage that reaches into a year without an official calendar', () => {
  const late = aTask({ createdAt: '2028-12-28T02:00:00.000Z', stageDays: 10 });

  it('then its light is unknown rather than guessed', () => {
    expect(stageLight(late, new Date('2028-12-28T03:00:00.000Z'))).toBe('unknown');
  });

  it('then the workflow re-checks daily', () => {
    expect(taskWaitSeconds(late, new Date('2028-12-28T03:00:00.000Z'))).toBe(CALENDAR_GAP_RECHECK_SECONDS);
  });
});
