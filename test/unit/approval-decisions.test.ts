import {
  cancelTask,
  claimTask,
  decideTask,
  type DepartmentTask,
  reassignTask,
  resumeTask,
  suspendTask,
  voidApprovalsPresumingDenials,
} from '../../functions/approval/domain/department-task';
import { currentStageDeadline, DEFAULT_ESCALATION_POLICY, nextEscalation, stageLight, taskWaitSeconds } from '../../functions/approval/domain/task-clock';
import { nationalCalendar } from '../../functions/domain/calendar';
import { mergeSuspensions } from '../../functions/domain/case-clock';
import { caseClockView } from '../../functions/intake/domain/case-clock-view';
import { concludeApproval, RECONSIDERATION_RIGHTS, type Case } from '../../functions/intake/domain/case';

// Monday 2026-11-23, 10:00 in Shanghai; 3 working days -> due Thursday 2026-11-26
const MONDAY = '2026-11-23T02:00:00.000Z';
const at = (ymd: string) => new Date(`${ymd}T02:00:00.000Z`);

const aPendingTask = (overrides: Partial<DepartmentTask> = {}): DepartmentTask => ({
  tenantId: '522732',
  taskId: 'T1',
  caseId: 'C1',
  deptId: 'GTJ',
  lead: true,
  itemCode: 'GTGH-0001',
  itemName: '建设用地规划许可',
  status: 'pending',
  stageDays: 3,
  createdAt: MONDAY,
  assignedAt: MONDAY,
  light: 'green',
  escalations: 0,
  ...overrides,
});

describe('given a pending task of a department', () => {
  it('when a handler claims it, then it is theirs and another handler cannot take it over', () => {
    const claimed = claimTask(aPendingTask(), 'GTJ-007', MONDAY);
    expect(claimed).toMatchObject({ claimedBy: 'GTJ-007', claimedAt: MONDAY });
    expect(() => claimTask(claimed, 'GTJ-008', MONDAY)).toThrow(expect.objectContaining({ code: 'TASK_ALREADY_CLAIMED' }));
    expect(() => decideTask(claimed, 'approve', undefined, MONDAY, 'GTJ-008')).toThrow(expect.objectContaining({ code: 'TASK_CLAIMED_BY_OTHER' }));
  });

  it('when it is denied without a reason, then the denial is refused', () => {
    expect(() => decideTask(aPendingTask(), 'deny', undefined, MONDAY)).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });

  it('when a special procedure suspends it, then no decision is taken until it resumes, and the suspended days do not count', () => {
    const suspended = suspendTask(aPendingTask(), { kind: '现场勘察', reason: '核实用地四至', expectedDays: 2 }, at('2026-11-24').toISOString());
    expect(suspended.status).toBe('suspended');
    expect(stageLight(suspended, at('2026-11-25'))).toBe('suspended');
    expect(() => decideTask(suspended, 'approve', undefined, at('2026-11-25').toISOString())).toThrow(expect.objectContaining({ code: 'TASK_SUSPENDED' }));

    const resumed = resumeTask(suspended, at('2026-11-26').toISOString(), 'GTJ-007');
    expect(resumed.status).toBe('pending');
    // two working days (Tue, Wed) stood still: due Monday 11-30 instead of Thursday 11-26, so Friday is yellow, not red
    expect(currentStageDeadline(resumed, at('2026-11-27'))).toBe('2026-11-30T23:59:59+08:00');
    expect(stageLight(resumed, at('2026-11-27'))).toBe('yellow');
    expect(stageLight(aPendingTask(), at('2026-11-27'))).toBe('red');
  });

  it('when a supplement arrives under the restart policy, then the stage clock restarts from the resumption', () => {
    const asked = suspendTask(
      aPendingTask({ supplementPolicy: 'restart' }),
      { kind: '补正', reason: '补充宗地图', expectedDays: 5 },
      at('2026-11-25').toISOString(),
    );
    const supplied = resumeTask(asked, at('2026-11-30').toISOString());
    expect(supplied.stageStartedAt).toBe(at('2026-11-30').toISOString());
    expect(currentStageDeadline(supplied, at('2026-11-30'))).toBe('2026-12-03T23:59:59+08:00');
  });

  it('when resumed while not suspended, then it is refused', () => {
    expect(() => resumeTask(aPendingTask(), MONDAY)).toThrow(expect.objectContaining({ code: 'TASK_NOT_SUSPENDED' }));
  });

  it('when it is reassigned (转办), then it waits for the other department, unclaimed, keeping its history', () => {
    const moved = reassignTask(claimTask(aPendingTask(), 'GTJ-007', MONDAY), 'ZJJ', '属住建局职责', at('2026-11-24').toISOString(), 'GTJ-007');
    expect(moved).toMatchObject({ deptId: 'ZJJ', status: 'waiting', reassignments: [{ fromDeptId: 'GTJ', toDeptId: 'ZJJ', reason: '属住建局职责' }] });
    expect(moved.claimedBy).toBeUndefined();
    expect(() => reassignTask(aPendingTask(), 'GTJ', 'x', MONDAY)).toThrow(expect.objectContaining({ code: 'REASSIGN_TO_SELF' }));
  });

  it('when its case ends before it answers, then it is cancelled and cannot be decided any more', () => {
    const cancelled = cancelTask(aPendingTask(), MONDAY);
    expect(cancelled.status).toBe('cancelled');
    expect(() => decideTask(cancelled, 'approve', undefined, MONDAY)).toThrow(expect.objectContaining({ code: 'TASK_NOT_PENDING' }));
  });
});

describe('given the escalation ladder (yellow -> handler and head; red -> county 督办; missed 督办 deadline -> city)', () => {
  const policy = DEFAULT_ESCALATION_POLICY;
  const claimed = aPendingTask({ claimedBy: 'GTJ-007' });

  it('when the stage is still green, then nothing is escalated', () => {
    expect(nextEscalation(claimed, at('2026-11-24'), nationalCalendar, policy)).toBeUndefined();
  });

  it('when it turns yellow, then the handler and the department head are told', () => {
    expect(nextEscalation(claimed, at('2026-11-25'), nationalCalendar, policy)).toEqual({
      light: 'yellow',
      escalation: { level: 1 },
      notify: [
        { role: 'handler', staffId: 'GTJ-007' },
        { role: 'department_head', deptId: 'GTJ' },
      ],
    });
  });

  it('when it turns red, then the county supervision office takes it up with a new handling deadline in working days', () => {
    const step = nextEscalation({ ...claimed, escalation: { level: 1 } }, at('2026-11-27'), nationalCalendar, policy);
    expect(step).toMatchObject({ light: 'red', escalation: { level: 2, supervisionDeadline: '2026-12-02T23:59:59+08:00' } });
    expect(step?.notify[0]).toEqual({ role: 'supervisor', level: 'county', office: '督办' });
    // the next wait ends just after that deadline, not a day at a time
    const escalated = { ...claimed, escalation: step!.escalation };
    expect(taskWaitSeconds(escalated, at('2026-11-27'), nationalCalendar, policy)).toBe(
      (Date.parse('2026-12-02T15:59:59.000Z') + 1000 - at('2026-11-27').getTime()) / 1000,
    );
  });

  it('when the 督办 deadline passes undecided, then the city level takes it up; past the top rung nothing more is raised', () => {
    const atCounty = { ...claimed, escalation: { level: 2, supervisionDeadline: '2026-12-02T23:59:59+08:00' } };
    expect(nextEscalation(atCounty, at('2026-12-02'), nationalCalendar, policy)).toBeUndefined();
    const city = nextEscalation(atCounty, at('2026-12-03'), nationalCalendar, policy);
    expect(city).toMatchObject({ escalation: { level: 3, supervisionDeadline: '2026-12-08T23:59:59+08:00' } });
    expect(city?.notify[0]).toMatchObject({ level: 'city' });
    expect(nextEscalation({ ...claimed, escalation: city!.escalation }, at('2026-12-09'), nationalCalendar, policy)).toBeUndefined();
  });

  it('when the stage is suspended, then it neither escalates nor waits for a light change (a daily look)', () => {
    const suspended = suspendTask(aPendingTask(), { kind: '听证', reason: '依申请听证', expectedDays: 10 }, at('2026-11-24').toISOString());
    expect(nextEscalation(suspended, at('2026-12-09'), nationalCalendar, policy)).toBeUndefined();
    expect(taskWaitSeconds(suspended, at('2026-12-09'))).toBe(86_400);
  });
});

describe('given parallel approval under 默认前置条件批准', () => {
  const tasks = [
    aPendingTask({ taskId: 'A', deptId: 'GTJ', status: 'denied', decision: 'deny', reason: '不符合国土空间规划' }),
    aPendingTask({ taskId: 'B', deptId: 'ZJJ', status: 'approved', decision: 'approve', prerequisites: ['GTJ'] }),
    aPendingTask({ taskId: 'C', deptId: 'GAJ', status: 'approved', decision: 'approve', prerequisites: ['ZJJ'] }),
    aPendingTask({ taskId: 'D', deptId: 'HBJ', status: 'approved', decision: 'approve' }),
  ];

  it('when a prerequisite denies, then the approvals presuming it (directly or through another) are void; independent ones stand', () => {
    const judged = voidApprovalsPresumingDenials(tasks);
    expect(judged.map((task) => [task.deptId, task.voidedBecause])).toEqual([
      ['GTJ', undefined],
      ['ZJJ', 'GTJ'],
      ['GAJ', 'GTJ'],
      ['HBJ', undefined],
    ]);
  });

  it('then the case ends denied with the combined reasons and the reconsideration rights', () => {
    const current = { tenantId: '522732', caseId: 'C1', status: 'in_approval', revision: 3 } as unknown as Case;
    const outcomes = voidApprovalsPresumingDenials(tasks).map((task) => ({
      deptId: task.deptId,
      decision: task.decision!,
      reason: task.reason,
      voidedBecause: task.voidedBecause,
    }));
    const concluded = concludeApproval(current, outcomes, MONDAY, 'E1');
    expect(concluded.case.status).toBe('denied');
    expect(concluded.case.outcomeReason).toContain('GTJ：不符合国土空间规划');
    expect(concluded.case.outcomeReason).toContain('ZJJ 的批准以 GTJ 批准为前置条件，随之失效');
    expect(concluded.case.rightsNotice).toBe(RECONSIDERATION_RIGHTS);
    expect(concluded.event.detail).toMatchObject({ deniedBy: ['GTJ'], voided: ['ZJJ', 'GAJ'] });
  });
});

describe('given departments that stood still for special procedures at overlapping times', () => {
  it('then the case total excludes each stopped day once, and an open stop swallows the rest', () => {
    expect(
      mergeSuspensions([
        ['2026-11-25T02:00:00.000Z', '2026-11-27T02:00:00.000Z'],
        ['2026-11-24T02:00:00.000Z', '2026-11-26T02:00:00.000Z'],
        ['2026-12-01T02:00:00.000Z', undefined],
        ['2026-12-02T02:00:00.000Z', '2026-12-03T02:00:00.000Z'],
      ]),
    ).toEqual([
      ['2026-11-24T02:00:00.000Z', '2026-11-27T02:00:00.000Z'],
      ['2026-12-01T02:00:00.000Z', undefined],
    ]);
  });

  it('then the case clock is suspended while one of them is, and its promised deadline moves by the stopped working days', () => {
    const accepted = { caseId: 'C1', status: 'in_approval', createdAt: MONDAY, acceptedAt: MONDAY, promisedDays: 5, revision: 2 } as unknown as Case;
    const plain = caseClockView(accepted, nationalCalendar, at('2026-11-25').toISOString(), 1, 1);
    const inspecting = caseClockView(accepted, nationalCalendar, at('2026-11-25').toISOString(), 1, 1, [['2026-11-24T02:00:00.000Z', undefined]]);
    const inspected = caseClockView(accepted, nationalCalendar, at('2026-11-27').toISOString(), 1, 1, [
      ['2026-11-24T02:00:00.000Z', '2026-11-26T02:00:00.000Z'],
    ]);
    expect(plain.promisedDeadline).toBe('2026-11-30T23:59:59+08:00');
    expect(inspecting.light).toBe('suspended');
    expect(inspected.promisedDeadline).toBe('2026-12-02T23:59:59+08:00');
  });
});
