import { nationalCalendar } from '../../functions/domain/calendar';
import { applyEvent, contributionOf, countersDelta, type RelayedEvent, type SubjectFacts, subjectOf } from '../../functions/supervision/domain/counters';
import { dashboardOf, lightsOf } from '../../functions/supervision/domain/dashboard';
import { isoWeek, periodsOf } from '../../functions/supervision/domain/periods';

const context = { calendar: nationalCalendar, yellowThreshold: 1, caseInfo: { itemCode: 'GTGH-0001', promisedDays: 10 } };
let sequence = 0;
const anEvent = (type: string, at: string, detail: Record<string, unknown> = {}): RelayedEvent => ({
  eventId: `E${(sequence += 1)}`,
  tenantId: '522732',
  type,
  at,
  actor: 'system',
  caseId: 'C1',
  detail,
});

/** A 承诺件 accepted Monday 2026-11-23, two departments, decided and completed on Friday 2026-11-27 (on time). */
const aCaseLife = (): RelayedEvent[] => [
  anEvent('CaseSubmitted', '2026-11-23T01:00:00Z', { itemCode: 'GTGH-0001' }),
  anEvent('CaseAccepted', '2026-11-23T02:00:00Z', { departments: ['GTJ', 'ZJJ'] }),
  anEvent('DepartmentTaskAssigned', '2026-11-23T02:01:00Z', { taskId: 'T1', deptId: 'GTJ', stageDeadline: '2026-11-30T23:59:59+08:00' }),
  anEvent('DepartmentTaskAssigned', '2026-11-23T02:01:00Z', { taskId: 'T2', deptId: 'ZJJ', stageDeadline: '2026-11-24T23:59:59+08:00' }),
  anEvent('DepartmentTaskClaimed', '2026-11-23T03:00:00Z', { taskId: 'T1', deptId: 'GTJ', staffId: 'GTJ-007' }),
  anEvent('DepartmentTaskDecided', '2026-11-26T03:00:00Z', { taskId: 'T1', deptId: 'GTJ', decision: 'approve', staffId: 'GTJ-007' }),
  anEvent('DepartmentTaskDecided', '2026-11-26T04:00:00Z', { taskId: 'T2', deptId: 'ZJJ', decision: 'approve', staffId: 'ZJJ-002' }),
  anEvent('CaseCompleted', '2026-11-27T02:00:00Z', {}),
];

/** Applies events one by one as the consumer does, summing the deltas. */
function project(events: readonly RelayedEvent[]): Map<string, number> {
  let facts: SubjectFacts | undefined;
  const totals = new Map<string, number>();
  for (const event of events) {
    const next = applyEvent(facts, event, context);
    for (const increment of countersDelta(facts, next)) {
      const key = `${increment.period}|${increment.row}|${increment.field}`;
      totals.set(key, (totals.get(key) ?? 0) + increment.by);
    }
    facts = next;
  }
  return new Map([...totals].filter(([, value]) => value !== 0));
}

describe('given the counter periods', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
  ])('when the Shanghai date is %s, then the ISO week is %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('when an instant is late evening UTC, then its periods are of the Shanghai date', () => {
    expect(periodsOf('2026-11-30T17:00:00Z')).toEqual(['D#2026-12-01', 'W#2026-W49', 'M#2026-12']);
  });
});

describe('given the counter projection of a case', () => {
  it('when its life is projected, then it counts acceptance, on-time completion, handling days and each department and handler', () => {
    const totals = project(aCaseLife());
    expect(Object.fromEntries([...totals].filter(([key]) => key.startsWith('D#')))).toEqual({
      'D#2026-11-23|TOTAL|accepted': 1,
      'D#2026-11-23|ITEM#GTGH-0001|accepted': 1,
      'D#2026-11-27|TOTAL|finished': 1,
      'D#2026-11-27|TOTAL|onTime': 1,
      'D#2026-11-27|TOTAL|handlingDays': 4,
      'D#2026-11-27|TOTAL|promisedDays': 10,
      'D#2026-11-27|ITEM#GTGH-0001|finished': 1,
      'D#2026-11-27|ITEM#GTGH-0001|onTime': 1,
      'D#2026-11-27|ITEM#GTGH-0001|handlingDays': 4,
      'D#2026-11-27|ITEM#GTGH-0001|promisedDays': 10,
      'D#2026-11-26|DEPT#GTJ|decided': 1,
      'D#2026-11-26|DEPT#GTJ|decidedOnTime': 1,
      'D#2026-11-26|STAFF#GTJ-007|decided': 1,
      'D#2026-11-26|STAFF#GTJ-007|decidedOnTime': 1,
      'D#2026-11-26|DEPT#ZJJ|decided': 1,
      'D#2026-11-26|STAFF#ZJJ-002|decided': 1,
    });
    // a finished case leaves nothing open on the gauge
    expect([...totals.keys()].filter((key) => key.startsWith('NOW'))).toEqual([]);
  });

  it('when the same events arrive in any order, then the totals are the same (SNS to SQS keeps no order)', () => {
    const inOrder = project(aCaseLife());
    const life = aCaseLife();
    for (const shuffled of [[...life].reverse(), [life[7], life[1], life[5], life[0], life[6], life[2], life[4], life[3]]]) {
      expect(project(shuffled as RelayedEvent[])).toEqual(inOrder);
    }
  });

  it('when an event is applied again on the facts it produced, then it adds nothing', () => {
    const life = aCaseLife();
    let facts: SubjectFacts | undefined;
    for (const event of life) facts = applyEvent(facts, event, context);
    expect(countersDelta(facts, applyEvent(facts, life[5] as RelayedEvent, context))).toEqual([]);
  });

  it('when an accepted case is open, then the gauge holds it under its deadline and yellow dates; a suspension moves it to suspended', () => {
    const accepted = applyEvent(undefined, anEvent('CaseAccepted', '2026-11-23T02:00:00Z'), context);
    expect([...contributionOf(accepted)].filter(([key]) => key.startsWith('NOW'))).toEqual([['NOW|TOTAL|open#2026-12-07#2026-12-04', 1]]);
    const suspended = applyEvent(
      accepted,
      anEvent('DepartmentTaskSuspended', '2026-11-24T02:00:00Z', { taskId: 'T1', procedure: '现场勘察', expectedDays: 2 }),
      context,
    );
    expect(countersDelta(accepted, suspended)).toEqual(
      expect.arrayContaining([
        { period: 'NOW', row: 'TOTAL', field: 'open#2026-12-07#2026-12-04', by: -1 },
        { period: 'NOW', row: 'TOTAL', field: 'suspended', by: 1 },
      ]),
    );
    // resumed two working days later: the deadline moves by the two suspended working days
    const resumed = applyEvent(suspended, anEvent('DepartmentTaskResumed', '2026-11-26T02:00:00Z', { taskId: 'T1' }), context);
    expect([...contributionOf(resumed)].filter(([key]) => key.startsWith('NOW'))).toEqual([['NOW|TOTAL|open#2026-12-09#2026-12-08', 1]]);
  });

  it('when a task is escalated (督办), then the escalation counts once for its department and for its rung, however often it is delivered', () => {
    const assigned = applyEvent(undefined, anEvent('DepartmentTaskAssigned', '2026-11-23T02:01:00Z', { taskId: 'T1', deptId: 'GTJ' }), context);
    const escalation = anEvent('DepartmentTaskEscalated', '2026-12-08T16:00:00Z', { taskId: 'T1', deptId: 'GTJ', light: 'red', level: 2 });
    const escalated = applyEvent(assigned, escalation, context);
    expect(countersDelta(assigned, escalated).filter((increment) => increment.period === 'D#2026-12-09')).toEqual([
      { period: 'D#2026-12-09', row: 'TOTAL', field: 'escalations', by: 1 },
      { period: 'D#2026-12-09', row: 'DEPT#GTJ', field: 'escalations', by: 1 },
      { period: 'D#2026-12-09', row: 'TOTAL', field: 'escalations#2', by: 1 },
    ]);
    expect(countersDelta(escalated, applyEvent(escalated, escalation, context))).toEqual([]);
  });

  it('when an event type is unknown, then the facts and counters stay as they were', () => {
    const accepted = applyEvent(undefined, anEvent('CaseAccepted', '2026-11-23T02:00:00Z'), context);
    expect(countersDelta(accepted, applyEvent(accepted, anEvent('CaseTeleported', '2026-11-24T02:00:00Z'), context))).toEqual([]);
    expect(subjectOf(anEvent('NotificationSent', '2026-11-24T02:00:00Z'))).toBeUndefined();
  });
});

describe('given reviews and rectification entries', () => {
  it('when a review is projected, then its level counts for the total, item, departments and handlers', () => {
    const review = applyEvent(
      undefined,
      {
        ...anEvent('ReviewSubmitted', '2026-11-27T03:00:00Z', {
          reviewId: 'R1',
          level: '不满意',
          itemCode: 'GTGH-0001',
          departments: ['GTJ'],
          handlers: ['GTJ-007'],
        }),
      },
      context,
    );
    const day = [...contributionOf(review)].filter(([key]) => key.startsWith('D#'));
    expect(Object.fromEntries(day)).toEqual({
      'D#2026-11-27|TOTAL|reviews': 1,
      'D#2026-11-27|TOTAL|reviews#poor': 1,
      'D#2026-11-27|ITEM#GTGH-0001|reviews': 1,
      'D#2026-11-27|ITEM#GTGH-0001|reviews#poor': 1,
      'D#2026-11-27|DEPT#GTJ|reviews': 1,
      'D#2026-11-27|DEPT#GTJ|reviews#poor': 1,
      'D#2026-11-27|STAFF#GTJ-007|reviews': 1,
      'D#2026-11-27|STAFF#GTJ-007|reviews#poor': 1,
    });
  });

  it('when an entry opens and closes (in either order of arrival), then it is counted opened, closed on time and no longer open', () => {
    const opened = {
      ...anEvent('RectificationOpened', '2026-11-23T02:00:00Z', { ownerDeptId: 'SJJ', source: 'review', limitDays: 10, deadline: '2026-12-07T23:59:59+08:00' }),
      rectificationId: 'X1',
    };
    const closed = { ...anEvent('RectificationClosed', '2026-11-27T02:00:00Z', { outcome: 'closed', ownerDeptId: 'SJJ' }), rectificationId: 'X1' };
    const afterOpen = applyEvent(undefined, opened, context);
    expect([...contributionOf(afterOpen)].filter(([key]) => key.startsWith('NOW'))).toEqual([
      ['NOW|TOTAL|rect#2026-12-07#2026-12-04', 1],
      ['NOW|DEPT#SJJ|rectOpen', 1],
    ]);
    const both = contributionOf(applyEvent(afterOpen, closed, context));
    const reversed = contributionOf(applyEvent(applyEvent(undefined, closed, context), opened, context));
    expect(reversed).toEqual(both);
    expect(both.get('D#2026-11-27|TOTAL|rectClosedOnTime')).toBe(1);
    expect([...both.keys()].filter((key) => key.startsWith('NOW'))).toEqual([]);
  });
});

describe('given the dashboard figures', () => {
  it('when open cases sit under deadline dates, then today decides green, yellow and red', () => {
    const gauge = {
      row: 'TOTAL',
      values: { 'open#2026-12-07#2026-12-04': 3, 'open#2026-11-30#2026-11-27': 2, 'open#2026-11-20#2026-11-19': 1, suspended: 4, 'open#unknown': 1 },
    };
    expect(lightsOf(gauge, 'open', '2026-11-27')).toEqual({ open: 11, green: 3, yellow: 2, red: 1, suspended: 4, unknown: 1 });
  });

  it('when counters are read, then rates and averages follow from them', () => {
    const figures = dashboardOf({
      today: '2026-11-27',
      gauge: [],
      period: [
        {
          row: 'TOTAL',
          values: {
            finished: 4,
            onTime: 3,
            handlingDays: 10,
            promisedDays: 20,
            reviews: 4,
            satisfied: 3,
            'reviews#good': 3,
            'reviews#veryPoor': 1,
            escalations: 3,
            'escalations#1': 2,
            'escalations#2': 1,
          },
        },
        { row: 'DEPT#GTJ', values: { decided: 2, decidedOnTime: 1 } },
      ],
    });
    expect(figures.cases).toMatchObject({ finished: 4, onTimeRate: 0.75, averageHandlingWorkingDays: 2.5, averagePromisedWorkingDays: 5 });
    expect(figures.cases.escalationsByRung).toEqual({ '1': 2, '2': 1 });
    expect(figures.satisfaction).toEqual({ reviews: 4, distribution: { 非常满意: 0, 满意: 3, 基本满意: 0, 不满意: 0, 非常不满意: 1 }, satisfactionRate: 0.75 });
    expect(figures.departments).toEqual([expect.objectContaining({ deptId: 'GTJ', tasksDecided: 2, onTimeRate: 0.5 })]);
  });
});
