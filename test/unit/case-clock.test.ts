import { CalendarNotAvailable, InvalidWorkingDayCountError, nationalCalendar } from '../../functions/domain/calendar';
import {
  type ClockSuspension,
  ExtensionTooLateError,
  type LightInput,
  applySupplementDuringReview,
  extendCompletionLimit,
  lightAt,
  missingMaterialsNoticeDeadline,
  promisedCompletionDeadline,
  resultDeliveryDeadline,
  secondsUntilNextLightChange,
  stageDeadline,
} from '../../functions/domain/case-clock';

const end = (ymd: string) => `${ymd}T23:59:59+08:00`;
const HOUR = 3600;
const DAY = 86_400;

/** Monday 2025-03-03; five working days end on Monday 03-10 (03-04..07, 03-10). */
const acceptedMonday = '2025-03-03T09:00:00+08:00';
const fiveDayClock = { startedAt: acceptedMonday, limitDays: 5 } as const;

describe('given an application received just before Spring Festival 2024', () => {
  describe('when computing the one-time notice deadline for missing materials', () => {
    it('then 1 working day ends on 除夕 02-09 (a working day) and 5 on 02-21', () => {
      expect(missingMaterialsNoticeDeadline('2024-02-08T16:00:00+08:00', 1)).toBe(end('2024-02-09'));
      expect(missingMaterialsNoticeDeadline('2024-02-08T16:00:00+08:00', 5)).toBe(end('2024-02-21'));
    });
  });
});

describe('given a case accepted on Saturday 2025-09-27 with a 5-working-day promise', () => {
  describe('when computing the promised completion deadline', () => {
    it('then the days are 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10', () => {
      expect(promisedCompletionDeadline('2025-09-27T10:00:00+08:00', 5)).toBe(end('2025-10-10'));
    });
  });

  describe('when a special procedure suspended the clock from 09-29 to 10-09', () => {
    it('then 09-30 and 10-09 do not count and the deadline moves to 10-13', () => {
      const suspensions = [['2025-09-29T10:00:00+08:00', '2025-10-09T10:00:00+08:00']] as const;
      expect(promisedCompletionDeadline('2025-09-27T10:00:00+08:00', 5, suspensions)).toBe(end('2025-10-13'));
    });
  });

  describe('when the limit is not a positive integer', () => {
    it('then InvalidWorkingDayCountError is thrown', () => {
      expect(() => promisedCompletionDeadline('2025-09-27T10:00:00+08:00', 0)).toThrow(InvalidWorkingDayCountError);
    });
  });
});

describe('given a case accepted Monday 2025-03-03 with 5 working days (deadline 03-10)', () => {
  const clock = { acceptedAt: acceptedMonday, limitDays: 5 };

  describe('when a 3-day extension is approved on the deadline day', () => {
    it('then the limit is 8 counted from the original acceptance (deadline 03-13)', () => {
      expect(extendCompletionLimit(clock, 3, '2025-03-10T18:00:00+08:00')).toEqual({
        limitDays: 8,
        deadline: end('2025-03-13'),
      });
    });
  });

  describe('when the extension is approved with earlier suspensions on record', () => {
    it('then the suspensions still apply to the extended limit', () => {
      const suspended = { ...clock, suspensions: [['2025-03-04T10:00:00+08:00', '2025-03-06T10:00:00+08:00']] as const };
      expect(extendCompletionLimit(suspended, 3, '2025-03-11T10:00:00+08:00')).toEqual({
        limitDays: 8,
        deadline: end('2025-03-17'),
      });
    });
  });

  describe.each([
    ['the day after the deadline', '2025-03-11T00:00:01+08:00'],
    ['an instant that is already 03-11 in Shanghai', '2025-03-10T16:30:00Z'],
  ])('when the extension is approved on %s', (_label, approvedAt) => {
    it('then ExtensionTooLateError is thrown with the current deadline', () => {
      let error: unknown;
      try {
        extendCompletionLimit(clock, 3, approvedAt);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ExtensionTooLateError);
      expect((error as ExtensionTooLateError).name).toBe('ExtensionTooLateError');
      expect((error as ExtensionTooLateError).deadline).toBe(end('2025-03-10'));
    });
  });

  describe('when the extension is not a positive integer', () => {
    it('then InvalidWorkingDayCountError is thrown', () => {
      expect(() => extendCompletionLimit(clock, 0, '2025-03-05T10:00:00+08:00')).toThrow(InvalidWorkingDayCountError);
    });
  });

  describe('when a supplement is requested 03-05 and received Wednesday 03-12', () => {
    const noticeAt = '2025-03-05T10:00:00+08:00';
    const suppliedAt = '2025-03-12T10:00:00+08:00';

    it('then the restart policy counts the full limit again from the supplement (deadline 03-19)', () => {
      const result = applySupplementDuringReview(clock, 'restart', noticeAt, suppliedAt);
      expect(result.deadline).toBe(end('2025-03-19'));
      expect(result.clock).toEqual({ acceptedAt: suppliedAt, limitDays: 5, suspensions: [] });
    });

    it('then the suspend policy skips 03-06..03-12 (deadline 03-17)', () => {
      const result = applySupplementDuringReview(clock, 'suspend', noticeAt, suppliedAt);
      expect(result.deadline).toBe(end('2025-03-17'));
      expect(result.clock.suspensions).toEqual([[noticeAt, suppliedAt]]);
      expect(result.clock.acceptedAt).toBe(acceptedMonday);
    });
  });
});

describe('given a case completed Wednesday 2026-09-30, before National Day 2026', () => {
  describe('when computing the result-delivery deadline', () => {
    it('then 3 working days are 10-08, 10-09 and the make-up Saturday 10-10', () => {
      expect(resultDeliveryDeadline('2026-09-30T17:00:00+08:00')).toBe(end('2026-10-10'));
    });
  });
});

describe('given a department task started Friday 2026-02-13 with a 3-working-day stage limit', () => {
  describe('when computing the stage deadline', () => {
    it('then the days are 02-14 (make-up Saturday), 02-24, 02-25', () => {
      expect(stageDeadline('2026-02-13T09:00:00+08:00', 3)).toBe(end('2026-02-25'));
    });
    it('then a suspension from 02-14 to 02-24 pushes it to 02-26', () => {
      expect(stageDeadline('2026-02-13T09:00:00+08:00', 3, [['2026-02-14T10:00:00+08:00', '2026-02-24T10:00:00+08:00']])).toBe(end('2026-02-26'));
    });
  });

  describe('when the tenant closes on 02-24', () => {
    it('then the tenant calendar skips it', () => {
      const tenant = nationalCalendar.withExtraClosures(['2026-02-24']);
      expect(stageDeadline('2026-02-13T09:00:00+08:00', 3, [], tenant)).toBe(end('2026-02-26'));
    });
  });
});

describe('given the 5-day clock started Monday 2025-03-03 (deadline Monday 03-10)', () => {
  describe.each([
    ['Tuesday 03-04', '2025-03-04T10:00:00+08:00', 'green', 4, 0],
    ['Thursday 03-06', '2025-03-06T10:00:00+08:00', 'green', 2, 0],
    ['Friday 03-07, the working day before the deadline day', '2025-03-07T00:00:00+08:00', 'yellow', 1, 0],
    ['Saturday 03-08', '2025-03-08T12:00:00+08:00', 'yellow', 1, 0],
    ['the last second of the deadline day', '2025-03-10T23:59:59+08:00', 'yellow', 0, 0],
    ['the first instant after the deadline day, given in UTC', '2025-03-10T16:00:00Z', 'red', 0, 1],
    ['Saturday 03-15', '2025-03-15T12:00:00+08:00', 'red', 0, 4],
  ] as const)('when the light is read on %s', (_label, now, light, remaining, overdue) => {
    it(`then it is ${light} with ${remaining} remaining and ${overdue} overdue working days`, () => {
      expect(lightAt({ ...fiveDayClock, now })).toEqual({
        light,
        deadline: end('2025-03-10'),
        remainingWorkingDays: remaining,
        overdueWorkingDays: overdue,
      });
    });
  });

  describe('when the yellow threshold is 2', () => {
    it('then Thursday 03-06 is already yellow', () => {
      expect(lightAt({ ...fiveDayClock, now: '2025-03-06T10:00:00+08:00', yellowThreshold: 2 }).light).toBe('yellow');
    });
  });

  describe('when the yellow threshold is 0', () => {
    it('then only the deadline day is yellow', () => {
      expect(lightAt({ ...fiveDayClock, now: '2025-03-07T10:00:00+08:00', yellowThreshold: 0 }).light).toBe('green');
      expect(lightAt({ ...fiveDayClock, now: '2025-03-10T10:00:00+08:00', yellowThreshold: 0 }).light).toBe('yellow');
    });
  });

  describe('when the yellow threshold is negative', () => {
    it('then a RangeError is thrown', () => {
      expect(() => lightAt({ ...fiveDayClock, now: '2025-03-07T10:00:00+08:00', yellowThreshold: -1 })).toThrow(RangeError);
    });
  });

  describe('when a suspension opened Wednesday 03-05 is still open on 03-12', () => {
    const open: ClockSuspension[] = [['2025-03-05T10:00:00+08:00', null]];
    it('then the light is suspended, the remaining days are frozen and the deadline is as if resumed now', () => {
      expect(lightAt({ ...fiveDayClock, suspensions: open, now: '2025-03-12T10:00:00+08:00' })).toEqual({
        light: 'suspended',
        deadline: end('2025-03-17'),
        remainingWorkingDays: 3,
        overdueWorkingDays: 0,
      });
    });
    it('then the light stays suspended long after the original deadline', () => {
      expect(lightAt({ ...fiveDayClock, suspensions: [['2025-03-05T10:00:00+08:00', undefined]], now: '2025-03-20T10:00:00+08:00' }).light).toBe('suspended');
    });
  });

  describe('when the same suspension resumed on 03-12', () => {
    it('then the clock runs again with 3 days left (green, deadline 03-17)', () => {
      const closed: ClockSuspension[] = [['2025-03-05T10:00:00+08:00', '2025-03-12T10:00:00+08:00']];
      expect(lightAt({ ...fiveDayClock, suspensions: closed, now: '2025-03-12T11:00:00+08:00' })).toEqual({
        light: 'green',
        deadline: end('2025-03-17'),
        remainingWorkingDays: 3,
        overdueWorkingDays: 0,
      });
    });
  });

  describe('when the case finished on the deadline day and is read later', () => {
    it('then it is green and reported as finished on time', () => {
      expect(lightAt({ ...fiveDayClock, now: '2025-03-20T10:00:00+08:00', finishedAt: '2025-03-10T20:00:00+08:00' })).toEqual({
        light: 'green',
        deadline: end('2025-03-10'),
        remainingWorkingDays: 0,
        overdueWorkingDays: 0,
        finishedOnTime: true,
      });
    });
  });

  describe('when the case finished two working days late', () => {
    it('then it keeps a red record with 2 overdue working days', () => {
      expect(lightAt({ ...fiveDayClock, now: '2025-03-20T10:00:00+08:00', finishedAt: '2025-03-12T09:00:00+08:00' })).toEqual({
        light: 'red',
        deadline: end('2025-03-10'),
        remainingWorkingDays: 0,
        overdueWorkingDays: 2,
        finishedOnTime: false,
      });
    });
  });

  describe('when the case finished while a suspension was still open', () => {
    it('then the suspension ends with the case and the light is not suspended', () => {
      const reading = lightAt({
        ...fiveDayClock,
        suspensions: [['2025-03-05T10:00:00+08:00', null]],
        now: '2025-03-20T10:00:00+08:00',
        finishedAt: '2025-03-07T10:00:00+08:00',
      });
      expect(reading).toMatchObject({ light: 'green', finishedOnTime: true, deadline: end('2025-03-12') });
    });
  });
});

describe('given a clock whose deadline is Friday 2025-03-07 (accepted Friday 02-28, 5 days)', () => {
  describe('when read on the Saturday after', () => {
    it('then it is red although no working day is overdue yet', () => {
      expect(lightAt({ startedAt: '2025-02-28T10:00:00+08:00', limitDays: 5, now: '2025-03-08T09:00:00+08:00' })).toMatchObject({
        light: 'red',
        overdueWorkingDays: 0,
      });
    });
  });
});

describe('given a clock reaching beyond the provisional horizon (2029: two years after the last official notice)', () => {
  describe('when the light is read', () => {
    it('then CalendarNotAvailable is thrown rather than guessing', () => {
      expect(() => lightAt({ startedAt: '2028-12-28T10:00:00+08:00', limitDays: 5, now: '2028-12-29T10:00:00+08:00' })).toThrow(CalendarNotAvailable);
    });
  });
});

describe('given the 5-day clock started Monday 2025-03-03, for the Step Functions wait', () => {
  describe.each([
    ['green on Tuesday 03-04 10:00: yellow starts Friday 03-07 00:00', '2025-03-04T10:00:00+08:00', 2 * DAY + 14 * HOUR],
    ['yellow on Friday 03-07 10:00: red at deadline + 1 s (03-11 00:00)', '2025-03-07T10:00:00+08:00', 3 * DAY + 14 * HOUR],
    ['red on Tuesday 03-11 10:00: re-check at the end of Wednesday 03-12', '2025-03-11T10:00:00+08:00', DAY + 14 * HOUR],
    ['red on Friday 03-14 10:00: re-check at the end of Monday 03-17', '2025-03-14T10:00:00+08:00', 3 * DAY + 14 * HOUR],
    ['yellow half a second before the deadline ends: at least 1 s', '2025-03-10T23:59:59.500+08:00', 1],
    ['yellow one second before the deadline ends', '2025-03-10T15:59:59Z', 1],
  ])('when %s', (_label, now, seconds) => {
    it(`then it waits ${seconds} s`, () => {
      expect(secondsUntilNextLightChange({ ...fiveDayClock, now })).toBe(seconds);
    });
  });

  describe('when the clock is suspended or finished', () => {
    it('then there is no time-driven change (null)', () => {
      expect(secondsUntilNextLightChange({ ...fiveDayClock, suspensions: [['2025-03-04T10:00:00+08:00', null]], now: '2025-03-05T10:00:00+08:00' })).toBeNull();
      expect(secondsUntilNextLightChange({ ...fiveDayClock, finishedAt: '2025-03-05T10:00:00+08:00', now: '2025-03-05T11:00:00+08:00' })).toBeNull();
    });
  });
});

describe('given a 5-day clock started Thursday 2026-02-12, before Spring Festival 2026', () => {
  describe('when read at noon on Friday 02-13 (days: 02-13, 02-14, 02-24, 02-25, 02-26)', () => {
    it('then it is green and turns yellow at the start of 02-25', () => {
      const input: LightInput = { startedAt: '2026-02-12T10:00:00+08:00', limitDays: 5, now: '2026-02-13T12:00:00+08:00' };
      expect(lightAt(input).light).toBe('green');
      expect(lightAt(input).deadline).toBe(end('2026-02-26'));
      expect(secondsUntilNextLightChange(input)).toBe(11 * DAY + 12 * HOUR);
    });
  });
});

describe('given hourly readings over the life of several clocks', () => {
  describe('when waiting the returned seconds', () => {
    it('then the light has changed exactly then and not one second earlier', () => {
      const clocks: LightInput[] = [
        { startedAt: '2024-02-07T10:00:00+08:00', limitDays: 4, now: '' },
        { startedAt: '2025-09-26T10:00:00+08:00', limitDays: 7, now: '', yellowThreshold: 2 },
        { startedAt: '2026-02-12T10:00:00+08:00', limitDays: 3, now: '', suspensions: [['2026-02-13T10:00:00+08:00', '2026-02-25T10:00:00+08:00']] },
      ];
      let checked = 0;
      for (const clock of clocks) {
        const startMs = Date.parse(clock.startedAt);
        for (let hour = 0; hour < 24 * 30; hour++) {
          const nowMs = startMs + hour * HOUR * 1000;
          const at = (ms: number) => ({ ...clock, now: new Date(ms).toISOString() });
          const current = lightAt(at(nowMs)).light;
          const seconds = secondsUntilNextLightChange(at(nowMs));
          expect(seconds).not.toBeNull();
          if (current === 'red') continue;
          expect(lightAt(at(nowMs + (seconds! - 1) * 1000)).light).toBe(current);
          expect(lightAt(at(nowMs + seconds! * 1000)).light).not.toBe(current);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(500);
    });
  });
});
