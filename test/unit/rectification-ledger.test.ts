import { authorize } from '../../functions/kernel/permissions';
import { nationalCalendar } from '../../functions/domain/calendar';
import { openRectification, type Rectification, rectificationLight, recordStep, type StepInput } from '../../functions/reviews/domain/rectification';

const handler = { staffId: 'SJJ-007', role: 'handler' as const, deptId: 'SJJ' };
// Monday 2026-11-23 10:00 Shanghai; 10 working days end on Monday 2026-12-07
const openedAt = '2026-11-23T02:00:00Z';
const anEntry = (): Rectification =>
  openRectification(
    {
      tenantId: '522732',
      rectificationId: '01KAB0000000000000000000R1',
      source: { kind: 'complaint', channel: 'hotline', content: '窗口午休不办理' },
      ownerDeptId: 'SJJ',
      openedAt,
      limitDays: 10,
    },
    nationalCalendar,
  );

const walk = (entry: Rectification, steps: StepInput[]) =>
  steps.reduce((current, step, index) => recordStep(current, step, handler, `2026-11-2${4 + index}T02:00:00Z`), entry);

describe('given a rectification entry opened on Monday 2026-11-23 with 10 working days', () => {
  it('then its deadline is the end of the 10th working day and it starts open', () => {
    expect(anEntry()).toMatchObject({ deadline: '2026-12-07T23:59:59+08:00', status: 'open', steps: [], revision: 1 });
  });

  it('when it walks verification, rectification, call-back and closure, then it is closed with every step recorded', () => {
    const closed = walk(anEntry(), [
      { step: 'verify', note: '属实' },
      { step: 'rectify', note: '调整午休轮岗' },
      { step: 'call_back', note: '电话回访', satisfaction: '满意' },
      { step: 'close', note: '销号' },
    ]);
    expect(closed).toMatchObject({ status: 'closed', callBackSatisfaction: '满意', closedAt: '2026-11-27T02:00:00Z', revision: 5 });
    expect(closed.steps.map((step) => [step.step, step.staffId])).toEqual([
      ['verify', 'SJJ-007'],
      ['rectify', 'SJJ-007'],
      ['call_back', 'SJJ-007'],
      ['close', 'SJJ-007'],
    ]);
  });

  it.each([
    [[], 'rectify'],
    [[], 'call_back'],
    [[], 'close'],
    [[], 'close_unfixable'],
    [[{ step: 'verify', note: 'n' }], 'verify'],
    [[{ step: 'verify', note: 'n' }], 'close'],
    [
      [
        { step: 'verify', note: 'n' },
        { step: 'rectify', note: 'n' },
      ],
      'close',
    ],
  ] as [StepInput[], StepInput['step']][])('when after %j the step %s comes, then it is out of order (409)', (before, step) => {
    const entry = walk(anEntry(), before);
    expect(() => recordStep(entry, { step, note: 'n', satisfaction: '满意', explanation: 'e' }, handler, '2026-11-30T02:00:00Z')).toThrow(
      expect.objectContaining({ code: 'RECTIFICATION_STEP_OUT_OF_ORDER' }),
    );
  });

  it('when a verified entry cannot be fixed, then it closes only with an explanation', () => {
    const verified = walk(anEntry(), [{ step: 'verify', note: '属实' }]);
    expect(() => recordStep(verified, { step: 'close_unfixable', note: 'n' }, handler, '2026-11-25T02:00:00Z')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(recordStep(verified, { step: 'close_unfixable', note: 'n', explanation: '需增编' }, handler, '2026-11-25T02:00:00Z')).toMatchObject({
      status: 'closed_unfixable',
      explanation: '需增编',
    });
  });

  it('when the call-back has no satisfaction, then it is refused', () => {
    const rectified = walk(anEntry(), [
      { step: 'verify', note: 'n' },
      { step: 'rectify', note: 'n' },
    ]);
    expect(() => recordStep(rectified, { step: 'call_back', note: 'n' }, handler, '2026-11-26T02:00:00Z')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it.each([
    [{ kind: 'public' }, 'UNAUTHENTICATED'],
    [{ kind: 'staff', staff: { staffId: 'GTJ-1', role: 'handler', deptId: 'GTJ' } }, 'OTHER_DEPARTMENT'],
    [{ kind: 'staff', staff: { staffId: 'CK-1', role: 'window' } }, 'ROLE_NOT_ALLOWED'],
    [{ kind: 'staff', staff: { staffId: 'JC-1', role: 'supervisor' } }, 'ROLE_NOT_ALLOWED'],
  ] as const)('when %j records a step on it, then it is refused with %s (the owning department works its entries)', (principal, code) => {
    expect(() => authorize(principal, 'rectification.record-step', { deptIds: [anEntry().ownerDeptId] })).toThrow(expect.objectContaining({ code }));
  });

  it('when the owner department records a step, then it is allowed; the supervision office and admins read the entry', () => {
    expect(() =>
      authorize({ kind: 'staff', staff: { staffId: 'SJJ-1', role: 'handler', deptId: anEntry().ownerDeptId } }, 'rectification.record-step', {
        deptIds: [anEntry().ownerDeptId],
      }),
    ).not.toThrow();
    for (const role of ['supervisor', 'admin'] as const)
      expect(() => authorize({ kind: 'staff', staff: { staffId: 'JC-1', role } }, 'rectification.read', { deptIds: [anEntry().ownerDeptId] })).not.toThrow();
  });

  it.each([
    ['2026-11-30T02:00:00Z', 'green'],
    ['2026-12-04T02:00:00Z', 'yellow'],
    ['2026-12-07T15:00:00Z', 'yellow'],
    ['2026-12-08T02:00:00Z', 'red'],
  ])('when it is still open at %s, then its light is %s (like a case)', (now, light) => {
    expect(rectificationLight(anEntry(), now, nationalCalendar, 1).light).toBe(light);
  });

  it('when it was closed after the deadline, then it stays red', () => {
    const late = {
      ...walk(anEntry(), [
        { step: 'verify', note: 'n' },
        { step: 'close_unfixable', note: 'n', explanation: 'e' },
      ]),
      closedAt: '2026-12-09T02:00:00Z',
    };
    expect(rectificationLight(late, '2026-12-20T02:00:00Z', nationalCalendar, 1)).toMatchObject({ light: 'red', overdueWorkingDays: 2 });
  });
});
