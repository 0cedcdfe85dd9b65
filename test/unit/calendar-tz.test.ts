import { moduleAt, runUnderTimeZone } from '../support/time-zone';

/** Computes a fingerprint of calendar and clock results in a child process with the given TZ. */
function fingerprintUnder(timeZone: string): { offsetMinutes: number; results: unknown } {
  const script = `
    const calendar = require(${moduleAt('functions/domain/calendar.ts')});
    const clock = require(${moduleAt('functions/domain/case-clock.ts')});
    const starts = ['2025-02-07T16:30Z', '2025-02-07T15:59:59Z', '2024-02-08T23:30:00-08:00', '2026-02-13T00:10:00+08:00', '2025-12-31T16:00:00Z', '2024-09-28'];
    const days = [];
    for (let ms = Date.UTC(2024, 0, 1); ms <= Date.UTC(2026, 11, 31); ms += 86400000) {
      days.push(calendar.isWorkingDay(new Date(ms).toISOString().slice(0, 10)) ? 1 : 0);
    }
    const results = {
      workingDayBits: days.join(''),
      shanghaiDates: starts.map(calendar.shanghaiDate),
      deadlines: starts.map((start) => [1, 2, 5, 10].map((n) => calendar.addWorkingDays(start, n))),
      counts: starts.map((start) => calendar.workingDaysBetween(start, '2026-03-02T12:00:00-05:00')),
      light: clock.lightAt({ startedAt: '2025-03-03T09:00:00+08:00', limitDays: 5, now: '2025-03-10T16:00:00Z' }),
      wait: clock.secondsUntilNextLightChange({ startedAt: '2025-03-03T09:00:00+08:00', limitDays: 5, now: '2025-03-07T02:00:00Z' }),
    };
    process.stdout.write(JSON.stringify({ offsetMinutes: new Date('2025-07-01T00:00:00Z').getTimezoneOffset(), results }));
  `;
  return runUnderTimeZone(timeZone, script);
}

describe('given the process time zone is Los Angeles or Shanghai', () => {
  describe('when the same calendar and clock computations run under each', () => {
    let losAngeles: ReturnType<typeof fingerprintUnder>;
    let shanghai: ReturnType<typeof fingerprintUnder>;
    beforeAll(() => {
      losAngeles = fingerprintUnder('America/Los_Angeles');
      shanghai = fingerprintUnder('Asia/Shanghai');
    });

    it('then the child processes really ran in different time zones', () => {
      expect(losAngeles.offsetMinutes).toBe(420);
      expect(shanghai.offsetMinutes).toBe(-480);
    });

    it('then every result is identical', () => {
      expect(losAngeles.results).toEqual(shanghai.results);
    });

    it('then the results are the Shanghai-date answers', () => {
      const { results } = shanghai as { results: { shanghaiDates: string[]; deadlines: string[][]; light: { light: string } } };
      expect(results.shanghaiDates).toEqual(['2025-02-08', '2025-02-07', '2024-02-09', '2026-02-13', '2026-01-01', '2024-09-28']);
      expect(results.deadlines[0]?.[0]).toBe('2025-02-10T23:59:59+08:00');
      expect(results.deadlines[1]?.[0]).toBe('2025-02-08T23:59:59+08:00');
      expect(results.light.light).toBe('red');
    });
  });
});
