import { nationalCalendar } from '../../functions/domain/calendar';
import { acceptCase, submitCase } from '../../functions/intake/domain/case';
import { caseClockView } from '../../functions/intake/domain/case-clock-view';
import { deadlineField } from '../../functions/domain/deadline-field';
import { anApplicant, aPublishedItem } from '../support/fixtures';

const filedAt = (createdAt: string, promisedDays = 5) =>
  submitCase(
    { tenantId: '522732', caseId: 'C1', item: aPublishedItem({ promisedDays }), channel: 'online', applicant: anApplicant(), formData: { businessName: 'x' } },
    createdAt,
    'E1',
  ).case;

const tasks = [{ taskId: 'T1', deptId: 'SCJGJ', lead: true }];

describe('given a case received on Wednesday 2026-09-30, the eve of National Day', () => {
  const received = filedAt('2026-09-30T02:00:00.000Z');

  it('then the one-time notice is due at the end of the first working day after the holiday (Oct 8)', () => {
    expect(caseClockView(received, nationalCalendar, '2026-09-30T03:00:00.000Z', 1, 1)).toMatchObject({
      noticeDeadline: '2026-10-08T23:59:59+08:00',
      light: 'not_started',
    });
  });

  describe('when it is accepted the same day with 5 promised working days', () => {
    const accepted = acceptCase(received, { tasks, actor: 'W', promisedDeadline: '2026-10-13T23:59:59+08:00' }, '2026-09-30T02:30:00.000Z', 'E2').case;

    it.each([
      // Oct 8, 9, 10 (make-up Saturday), 12 are working days 1-4; Oct 13 is day 5
      ['on Oct 9', '2026-10-09T04:00:00.000Z', 'green', 3],
      ['on Oct 12 (one day left)', '2026-10-12T04:00:00.000Z', 'yellow', 1],
      ['on Oct 14, after the deadline', '2026-10-14T04:00:00.000Z', 'red', 0],
    ])('then %s (at %s) the light is %s with %i working days left', (_label, now, light, remaining) => {
      const view = caseClockView(accepted, nationalCalendar, now, 1, 1);
      expect(view).toMatchObject({ promisedDeadline: '2026-10-13T23:59:59+08:00', light, remainingWorkingDays: remaining, alerts: [] });
    });

    it('then a tenant threshold of 3 working days turns it yellow earlier', () => {
      expect(caseClockView(accepted, nationalCalendar, '2026-10-09T04:00:00.000Z', 3, 1).light).toBe('yellow');
    });

    it('then finishing late keeps a red record and the result is due 3 working days after completion', () => {
      const late = { ...accepted, status: 'completed' as const, completedAt: '2026-10-15T02:00:00.000Z' };
      expect(caseClockView(late, nationalCalendar, '2026-10-20T02:00:00.000Z', 1, 1)).toMatchObject({
        light: 'red',
        finishedOnTime: false,
        overdueWorkingDays: 2,
        deliveryDeadline: '2026-10-20T23:59:59+08:00',
      });
    });
  });
});

describe('given a case whose promised deadline reaches into 2029 (beyond the provisional horizon)', () => {
  const accepted = acceptCase(filedAt('2028-12-21T02:00:00.000Z', 20), { tasks, actor: 'W' }, '2028-12-21T03:00:00.000Z', 'E2').case;

  it('then the clock flags the gap instead of throwing or guessing Monday-to-Friday', () => {
    const view = caseClockView(accepted, nationalCalendar, '2028-12-22T03:00:00.000Z', 1, 1);
    expect(view.light).toBe('unknown');
    expect(view.promisedDeadline).toBeNull();
    expect(view.alerts).toEqual([expect.objectContaining({ code: 'CALENDAR_NOT_AVAILABLE', year: 2029 })]);
  });

  it('then acceptance leaves the deadline out and reports the year to the monitor', () => {
    const reported: number[] = [];
    expect(deadlineField('promisedDeadline', '2028-12-21T03:00:00.000Z', 20, nationalCalendar, (year) => reported.push(year))).toEqual({});
    expect(reported).toEqual([2029]);
  });
});

describe('given a case whose promised deadline reaches into 2027 (no official notice yet: a provisional year)', () => {
  const accepted = acceptCase(filedAt('2026-12-21T02:00:00.000Z', 20), { tasks, actor: 'W' }, '2026-12-21T03:00:00.000Z', 'E3').case;

  it('then the deadline is counted on the statutory holidays and the clock says it is provisional', () => {
    const view = caseClockView(accepted, nationalCalendar, '2026-12-22T03:00:00.000Z', 1, 1);
    // 8 working days left in 2026 after Monday 21 December, 元旦 (Fri 1 Jan) off, then 4–8, 11–15 and 18–19 January
    expect(view).toMatchObject({
      promisedDeadline: '2027-01-19T23:59:59+08:00',
      light: 'green',
      provisional: true,
      provisionalNote: '节假日安排尚未公布，期限按法定节假日暂算，公布后自动重算',
    });
    expect(view.alerts).toEqual([expect.objectContaining({ code: 'CALENDAR_PROVISIONAL', year: 2027 })]);
  });

  it('then a deadline inside the official year is not provisional', () => {
    const view = caseClockView(
      acceptCase(filedAt('2026-11-02T02:00:00.000Z', 5), { tasks, actor: 'W' }, '2026-11-02T03:00:00.000Z', 'E4').case,
      nationalCalendar,
      '2026-11-03T03:00:00.000Z',
      1,
      1,
    );
    expect(view).toMatchObject({ provisional: false, alerts: [] });
    expect(view.provisionalNote).toBeUndefined();
  });
});

describe('given a case filed on Monday 2026-11-23 and completed by a supplement received on Thursday 2026-11-26', () => {
  const resubmitted = { ...filedAt('2026-11-23T02:00:00.000Z'), receivedAt: '2026-11-26T02:00:00.000Z' };

  it('then the one-time-notice deadline the case shows counts from the receipt of the supplement, as the timer does (Friday 11-27)', () => {
    expect(caseClockView(resubmitted, nationalCalendar, '2026-11-26T03:00:00.000Z', 1, 1).noticeDeadline).toBe('2026-11-27T23:59:59+08:00');
  });
});
