import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DepartmentTask } from '../../functions/approval/domain/department-task';
import {
  caseDeadlineChanges,
  rectificationDeadlineChange,
  type RecomputeBasis,
  taskDeadlineChanges,
  withRecomputedCaseDeadlines,
} from '../../functions/calendar/domain/deadline-changes';
import { type CalendarYearRecord, nationalCalendarFrom } from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import type { Case } from '../../functions/intake/domain/case';
import type { Rectification } from '../../functions/reviews/domain/rectification';
import { anApplicant } from '../support/fixtures';

// the test arrangement for 2027: as the statutory days, except that 元旦 runs Friday 1 to Monday 4 January
const notice2027 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'calendar-2027-year-boundary-notice.json'), 'utf8')) as CalendarYearRecord;
const provisional2027 = nationalCalendarFrom(officialCalendarYears);
const official2027 = nationalCalendarFrom([...officialCalendarYears, notice2027]);
const NOW = '2027-01-05T02:00:00.000Z';
const basis: RecomputeBasis = { before: provisional2027, after: official2027, now: NOW, year: 2027, noticeVersion: 1 };

const ACCEPTED = '2026-12-15T02:00:00.000Z';
const anAcceptedCase = (overrides: Partial<Case> = {}): Case => ({
  tenantId: '522732',
  caseId: 'C1',
  itemCode: 'MSBZ-0001',
  itemName: '最低生活保障审批',
  itemVersion: 1,
  channel: 'window',
  applicant: anApplicant(),
  formData: {},
  status: 'in_approval',
  createdAt: ACCEPTED,
  updatedAt: ACCEPTED,
  acceptedAt: ACCEPTED,
  promisedDays: 20,
  noticeDays: 1,
  promisedDeadline: '2027-01-13T23:59:59+08:00',
  tasks: [{ taskId: 'T1', deptId: 'MZJ', lead: true }],
  revision: 3,
  ...overrides,
});

const aRunningStage = (overrides: Partial<DepartmentTask> = {}): DepartmentTask => ({
  tenantId: '522732',
  taskId: 'T1',
  caseId: 'C1',
  deptId: 'MZJ',
  lead: true,
  itemCode: 'MSBZ-0001',
  itemName: '最低生活保障审批',
  status: 'pending',
  stageDays: 20,
  stageDeadline: '2027-01-13T23:59:59+08:00',
  createdAt: ACCEPTED,
  assignedAt: ACCEPTED,
  light: 'green',
  escalations: 0,
  ...overrides,
});

describe('given a case accepted on 2026-12-15 for 20 working days, counted on the provisional 2027', () => {
  it('when the notice moves 元旦 to Monday 4 January, then the promised deadline moves one day later and is no longer provisional', () => {
    expect(caseDeadlineChanges(anAcceptedCase(), basis)).toEqual([
      {
        subject: 'case',
        field: 'promisedDeadline',
        before: '2027-01-13T23:59:59+08:00',
        after: '2027-01-14T23:59:59+08:00',
        moved: 'later',
        provisional: false,
        year: 2027,
        noticeVersion: 1,
      },
    ]);
  });

  it('when it was already recomputed (a redelivered request), then nothing changes again', () => {
    expect(caseDeadlineChanges(anAcceptedCase({ promisedDeadline: '2027-01-14T23:59:59+08:00' }), basis)).toEqual([]);
  });

  it('when the case is finished, then it is never recomputed', () => {
    for (const status of ['denied', 'rejected', 'returned', 'revoked'] as const) expect(caseDeadlineChanges(anAcceptedCase({ status }), basis)).toEqual([]);
  });

  it('then the stored case carries the new deadline on the next revision', () => {
    const changes = caseDeadlineChanges(anAcceptedCase(), basis);
    expect(withRecomputedCaseDeadlines(anAcceptedCase(), changes, NOW)).toMatchObject({
      promisedDeadline: '2027-01-14T23:59:59+08:00',
      revision: 4,
      updatedAt: NOW,
    });
  });

  it('when a long limit runs through 2027 into 2028, then it moves with the notice but stays provisional (2028 has no notice yet)', () => {
    const long = anAcceptedCase({ promisedDeadline: undefined, promisedDays: 270 });
    const [change] = caseDeadlineChanges(long, basis);
    expect(change).toMatchObject({ field: 'promisedDeadline', provisional: true });
    expect(change?.after?.slice(0, 4)).toBe('2028');
  });

  it('when the days it counts are the same on both calendars, then nothing changes', () => {
    expect(caseDeadlineChanges(anAcceptedCase({ acceptedAt: '2027-12-20T02:00:00.000Z', promisedDeadline: undefined }), basis)).toEqual([]);
  });
});

describe('given an application received on 2026-12-31 waiting for the one-time notice (1 working day)', () => {
  const received = anAcceptedCase({
    status: 'submitted',
    acceptedAt: undefined,
    promisedDeadline: undefined,
    createdAt: '2026-12-31T02:00:00.000Z',
    receivedAt: '2026-12-31T02:00:00.000Z',
  });

  it('when the notice lands, then the notice window moves from Monday 4 to Tuesday 5 January', () => {
    expect(caseDeadlineChanges(received, basis)).toEqual([
      expect.objectContaining({ field: 'noticeDeadline', before: '2027-01-04T23:59:59+08:00', after: '2027-01-05T23:59:59+08:00', moved: 'later' }),
    ]);
  });

  it('when the moved window is stored, then a second pass finds nothing to change', () => {
    const stored = withRecomputedCaseDeadlines(received, caseDeadlineChanges(received, basis), NOW);
    expect(caseDeadlineChanges(stored, basis)).toEqual([]);
  });
});

describe('given a completed case whose result is still to be handed over', () => {
  const completed = anAcceptedCase({ status: 'completed', completedAt: '2026-12-31T02:00:00.000Z' });

  it('when the release is not delivered, then the delivery deadline (3 working days) moves with the notice', () => {
    expect(caseDeadlineChanges(completed, basis, { storedDeadline: '2027-01-06T23:59:59+08:00', delivered: false })).toEqual([
      expect.objectContaining({ subject: 'release', field: 'deliveryDeadline', before: '2027-01-06T23:59:59+08:00', after: '2027-01-07T23:59:59+08:00' }),
    ]);
  });

  it('when it was handed over already, then nothing is recomputed', () => {
    expect(caseDeadlineChanges(completed, basis, { storedDeadline: '2027-01-06T23:59:59+08:00', delivered: true })).toEqual([]);
  });
});

describe('given a department stage running over the year boundary', () => {
  it('when the notice lands, then its stage deadline moves and the task stores it', () => {
    const { task, changes } = taskDeadlineChanges(aRunningStage(), basis);
    expect(changes).toEqual([
      expect.objectContaining({
        subject: 'task',
        field: 'stageDeadline',
        before: '2027-01-13T23:59:59+08:00',
        after: '2027-01-14T23:59:59+08:00',
        moved: 'later',
      }),
    ]);
    expect(task.stageDeadline).toBe('2027-01-14T23:59:59+08:00');
    expect(taskDeadlineChanges(task, basis).changes).toEqual([]);
  });

  it('when 督办 took it up on 31 December with 3 handling days, then the handling deadline is counted again from then', () => {
    const escalated = aRunningStage({
      stageDeadline: '2027-01-14T23:59:59+08:00',
      escalation: { level: 2, supervisionDeadline: '2027-01-06T23:59:59+08:00', since: '2026-12-31T02:00:00.000Z', handlingDays: 3 },
    });
    const { task, changes } = taskDeadlineChanges(escalated, basis);
    // provisional: 4, 5, 6 January; official: 元旦 runs to the 4th, so 5, 6, 7 January
    expect(changes).toEqual([
      expect.objectContaining({ field: 'supervisionDeadline', before: '2027-01-06T23:59:59+08:00', after: '2027-01-07T23:59:59+08:00' }),
    ]);
    expect(task.escalation?.supervisionDeadline).toBe('2027-01-07T23:59:59+08:00');
  });

  it('when the stage has not started (serial, waiting) or is decided, then nothing moves', () => {
    expect(taskDeadlineChanges(aRunningStage({ status: 'waiting' }), basis).changes).toEqual([]);
    expect(taskDeadlineChanges(aRunningStage({ status: 'approved', decidedAt: NOW }), basis).changes).toEqual([]);
  });
});

describe('given an open rectification entry of 5 working days opened on 2026-12-28', () => {
  const entry = {
    rectificationId: 'R1',
    status: 'open',
    openedAt: '2026-12-28T02:00:00.000Z',
    limitDays: 5,
    deadline: '2027-01-05T23:59:59+08:00',
    revision: 1,
  } as unknown as Rectification;

  it('when the notice lands, then its deadline moves from 5 to 6 January', () => {
    expect(rectificationDeadlineChange(entry, basis)).toMatchObject({
      subject: 'rectification',
      field: 'deadline',
      before: '2027-01-05T23:59:59+08:00',
      after: '2027-01-06T23:59:59+08:00',
    });
  });

  it('when it is closed, then it is left alone', () => {
    expect(rectificationDeadlineChange({ ...entry, status: 'closed' }, basis)).toBeNull();
  });
});
