import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CalendarYearRecord, nationalCalendar, WorkingCalendar } from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { rectificationDeadlineRecomputedDetailSchema } from '../../functions/kernel/events/review-events';
import { auditRecordOf } from '../../functions/supervision/domain/audit';
import {
  applyEvent,
  contributionOf,
  countersDelta,
  type ProjectionContext,
  type RelayedEvent,
  type SubjectFacts,
  subjectOf,
} from '../../functions/supervision/domain/counters';
import { lightsOf } from '../../functions/supervision/domain/dashboard';

/**
 * A correction notice that makes 1–2 December 2026 rest days (test data, not a real notice): the
 * calendar the lead recomputes on. A consumer whose cached calendar predates it still counts on
 * `nationalCalendar`; one that has refreshed counts on `corrected`. Either must end with the same gauge.
 */
const corrected = WorkingCalendar.fromRecords(
  officialCalendarYears.map((record): CalendarYearRecord =>
    record.year === 2026 ? { ...record, holidays: [...record.holidays, { name: '测试更正', rest: ['2026-12-01', '2026-12-02'], makeUpWorkdays: [] }] } : record,
  ),
);
const stale: ProjectionContext = { calendar: nationalCalendar, yellowThreshold: 1, caseInfo: { itemCode: 'GTGH-0001', promisedDays: 10 } };
const fresh: ProjectionContext = { ...stale, calendar: corrected };

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

/** Accepted Monday 2026-11-23 with 10 working days: due 2026-12-07 (yellow from 12-04) before the correction, 2026-12-09 (yellow from 12-08) after it. */
const accepted = () => anEvent('CaseAccepted', '2026-11-23T02:00:00Z');
const promisedMoved = (detail: Record<string, unknown> = {}, at = '2026-11-25T02:00:00Z') =>
  anEvent('DeadlineRecomputed', at, {
    subject: 'case',
    field: 'promisedDeadline',
    before: '2026-12-07T23:59:59+08:00',
    after: '2026-12-09T23:59:59+08:00',
    moved: 'later',
    provisional: false,
    year: 2026,
    noticeVersion: 2,
    ...detail,
  });

const factsOf = (events: readonly RelayedEvent[], context: ProjectionContext): SubjectFacts | undefined =>
  events.reduce<SubjectFacts | undefined>((facts, event) => applyEvent(facts, event, context), undefined);
const gaugeOf = (facts: SubjectFacts | undefined) => Object.fromEntries([...contributionOf(facts)].filter(([key]) => key.startsWith('NOW|')));

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('given an open case whose promised deadline a holiday notice recomputed', () => {
  it('then the recomputation is about the case (it is counted), and one of a task, the notice window or the release is only audited', () => {
    expect(subjectOf(promisedMoved())).toBe('CASE#C1');
    expect(subjectOf(promisedMoved({ subject: 'task', field: 'stageDeadline', taskId: 'T1', deptId: 'GTJ' }))).toBeUndefined();
    expect(subjectOf(promisedMoved({ field: 'noticeDeadline' }))).toBeUndefined();
    expect(subjectOf(promisedMoved({ subject: 'release', field: 'deliveryDeadline' }))).toBeUndefined();
  });

  it('when the consumer still holds the calendar before the notice, then the gauge moves the case from the old deadline to the new one', () => {
    const before = factsOf([accepted()], stale);
    expect(gaugeOf(before)).toEqual({ 'NOW|TOTAL|open#2026-12-07#2026-12-04': 1 });
    const after = applyEvent(before, promisedMoved(), stale);
    expect(countersDelta(before, after)).toEqual([
      { period: 'NOW', row: 'TOTAL', field: 'open#2026-12-07#2026-12-04', by: -1 },
      { period: 'NOW', row: 'TOTAL', field: 'open#2026-12-09#2026-12-08', by: 1 },
    ]);
  });

  it('then today’s lights follow the new date: on 2026-12-08 the case is yellow, not red', () => {
    const gaugeRow = (facts: SubjectFacts | undefined) => ({
      row: 'TOTAL',
      values: Object.fromEntries(
        [...contributionOf(facts)].filter(([key]) => key.startsWith('NOW|TOTAL|')).map(([key, value]) => [key.split('|')[2] as string, value]),
      ),
    });
    expect(lightsOf(gaugeRow(factsOf([accepted()], stale)), 'open', '2026-12-08')).toMatchObject({ open: 1, red: 1, yellow: 0 });
    expect(lightsOf(gaugeRow(factsOf([accepted(), promisedMoved()], stale)), 'open', '2026-12-08')).toMatchObject({ open: 1, red: 0, yellow: 1 });
  });

  it('when the consumer already holds the new calendar, then the gauge is the same', () => {
    expect(gaugeOf(factsOf([accepted(), promisedMoved()], fresh))).toEqual({ 'NOW|TOTAL|open#2026-12-09#2026-12-08': 1 });
  });

  it('when it is delivered again, then it adds nothing', () => {
    const event = promisedMoved();
    const once = factsOf([accepted(), event], stale);
    expect(countersDelta(once, applyEvent(once, event, stale))).toEqual([]);
  });

  it('when it arrives before the acceptance, or among suspensions before and after it, then every order and either calendar ends with the same gauge', () => {
    // suspended Thursday 11-26, resumed Monday 11-30: 11-27 and 11-30 are not counted, so the deadline moves on two working days
    const life = [
      accepted(),
      promisedMoved(),
      anEvent('DepartmentTaskSuspended', '2026-11-26T02:00:00Z', { taskId: 'T1' }),
      anEvent('DepartmentTaskResumed', '2026-11-30T02:00:00Z', { taskId: 'T1' }),
    ];
    for (const context of [stale, fresh]) {
      for (const order of permutations(life)) expect(gaugeOf(factsOf(order, context))).toEqual({ 'NOW|TOTAL|open#2026-12-11#2026-12-10': 1 });
    }
  });

  it('when a later load recomputed it again, then the later one wins whichever arrives first', () => {
    const first = promisedMoved({}, '2026-11-25T02:00:00Z');
    const second = promisedMoved(
      { before: '2026-12-09T23:59:59+08:00', after: '2026-12-08T23:59:59+08:00', moved: 'earlier', noticeVersion: 3 },
      '2026-11-26T02:00:00Z',
    );
    expect(gaugeOf(factsOf([accepted(), first, second], stale))).toEqual({ 'NOW|TOTAL|open#2026-12-08#2026-12-07': 1 });
    expect(gaugeOf(factsOf([accepted(), second, first], stale))).toEqual({ 'NOW|TOTAL|open#2026-12-08#2026-12-07': 1 });
  });

  it('when the new deadline cannot be counted (null), then the case is open with an unknown deadline', () => {
    expect(gaugeOf(factsOf([accepted(), promisedMoved({ after: null })], stale))).toEqual({ 'NOW|TOTAL|open#unknown': 1 });
  });

  it('when the case is then completed on 2026-12-08, then it counts as on time against the new deadline (it was late against the old)', () => {
    const completed = anEvent('CaseCompleted', '2026-12-08T03:00:00Z');
    expect(contributionOf(factsOf([accepted(), completed], stale)).get('D#2026-12-08|TOTAL|onTime')).toBeUndefined();
    expect(contributionOf(factsOf([accepted(), completed, promisedMoved()], stale)).get('D#2026-12-08|TOTAL|onTime')).toBe(1);
  });

  it('when its detail breaks the contract, then the facts stay as they were (the event is still audited)', () => {
    const before = factsOf([accepted()], stale);
    expect(applyEvent(before, promisedMoved({ after: '2026-12-09' }), stale)).toEqual(before);
  });

  it('then its audit record carries before and after, a null before included, and names no person', () => {
    const record = auditRecordOf(promisedMoved({ before: null }));
    expect(record).toMatchObject({
      action: 'DeadlineRecomputed',
      who: 'system',
      role: 'system',
      caseId: 'C1',
      before: null,
      after: '2026-12-09T23:59:59+08:00',
      detail: expect.objectContaining({ field: 'promisedDeadline', noticeVersion: 2 }),
    });
    const taskRecord = auditRecordOf(promisedMoved({ subject: 'task', field: 'stageDeadline', taskId: 'T1', deptId: 'GTJ', claimedBy: 'GTJ-007' }));
    expect(taskRecord).toMatchObject({ taskId: 'T1', who: 'system', before: '2026-12-07T23:59:59+08:00', after: '2026-12-09T23:59:59+08:00' });
  });
});

describe('given an open rectification entry whose deadline a holiday notice recomputed', () => {
  const opened = () => ({
    ...anEvent('RectificationOpened', '2026-11-23T02:00:00Z', { ownerDeptId: 'SJJ', source: 'review', limitDays: 10, deadline: '2026-12-07T23:59:59+08:00' }),
    rectificationId: 'X1',
  });
  const moved = () => ({
    ...anEvent('DeadlineRecomputed', '2026-11-25T02:00:00Z', {
      subject: 'rectification',
      field: 'deadline',
      before: '2026-12-07T23:59:59+08:00',
      after: '2026-12-09T23:59:59+08:00',
      moved: 'later',
      provisional: false,
      year: 2026,
      noticeVersion: 2,
      ownerDeptId: 'SJJ',
    }),
    rectificationId: 'X1',
  });

  it('then the open-entry gauge follows the new deadline, in either order of arrival and on either calendar', () => {
    expect(subjectOf(moved())).toBe('RECT#X1');
    for (const context of [stale, fresh]) {
      for (const order of [
        [opened(), moved()],
        [moved(), opened()],
      ]) {
        expect(gaugeOf(factsOf(order, context))).toEqual({ 'NOW|TOTAL|rect#2026-12-09#2026-12-08': 1, 'NOW|DEPT#SJJ|rectOpen': 1 });
      }
    }
  });

  it('then the fixture in events/reviews/ is the contract the consumer parses', () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'events', 'reviews', 'DeadlineRecomputed.json'), 'utf8')) as RelayedEvent;
    expect(rectificationDeadlineRecomputedDetailSchema.safeParse(fixture.detail).success).toBe(true);
    expect(subjectOf(fixture)).toBe(`RECT#${fixture.rectificationId}`);
  });
});
