import { moduleAt, runUnderTimeZone } from '../support/time-zone';
import { CalendarChinese } from 'date-chinese';
import {
  CalendarNotAvailable,
  type CalendarYearRecord,
  InvalidCalendarInputError,
  nationalCalendar,
  nationalCalendarFrom,
  WorkingCalendar,
} from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { validateHolidayNotice } from '../../functions/domain/holiday-notice';
import { provisionalYearRecord } from '../../functions/domain/provisional-calendar';
import { statutoryHolidays, type StatutoryHolidayName } from '../../functions/domain/statutory-holidays';

const DAY_MS = 86_400_000;
const end = (ymd: string) => `${ymd}T23:59:59+08:00`;

/** Every date from `first` to `last` inclusive, as YYYY-MM-DD (UTC arithmetic, independent of the code under test). */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += DAY_MS) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}
const weekdayOf = (ymd: string) => new Date(`${ymd}T00:00:00Z`).getUTCDay();
const dayBefore = (ymd: string) => new Date(Date.parse(`${ymd}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const pad = (value: number) => String(value).padStart(2, '0');

const datesOf = (year: number, name: StatutoryHolidayName) => statutoryHolidays(year).find((holiday) => holiday.name === name)?.dates;

// ---------------------------------------------------------------------------------------------
// The independent library: date-chinese (astronomia's VSOP87 and ELP, China Standard Time).
// ---------------------------------------------------------------------------------------------

/** The Gregorian date (Beijing) of a lunar month/day of the lunar year that starts in `gregorianYear`. */
function lunarToGregorian(gregorianYear: number, month: number, day: number): string {
  const { year, month: m, day: d } = new CalendarChinese(0, 0, month, 0, day).toGregorian(gregorianYear);
  return `${year}-${pad(m)}-${pad(d)}`;
}
/** The Beijing date of a JDE that date-chinese returns at Beijing midnight (same conversion as its toGregorian). */
const ymdOfMidnightJde = (jde: number) => new Date(Math.floor(jde + 0.5 - 2_440_587.5) * DAY_MS).toISOString().slice(0, 10);
const qingmingOf = (year: number) => ymdOfMidnightJde(new CalendarChinese().qingming(year));

describe('given the statutory holidays of Article 2 of 《全国年节及纪念日放假办法》', () => {
  describe('when computing 2027 (revision of 2024 in force)', () => {
    it('then 除夕 2027-02-05 and 初一–初三 make 春节, 清明 is 04-05, 端午 06-09, 中秋 09-15, with 1–2 May and 1–3 Oct', () => {
      expect(statutoryHolidays(2027)).toEqual([
        { name: '元旦', dates: ['2027-01-01'] },
        { name: '春节', dates: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] },
        { name: '清明节', dates: ['2027-04-05'] },
        { name: '劳动节', dates: ['2027-05-01', '2027-05-02'] },
        { name: '端午节', dates: ['2027-06-09'] },
        { name: '中秋节', dates: ['2027-09-15'] },
        { name: '国庆节', dates: ['2027-10-01', '2027-10-02', '2027-10-03'] },
      ]);
    });
  });

  describe('when computing 2028 (facts checked with date-chinese)', () => {
    it('then 除夕 2028-01-25, 春节 01-26, 清明 04-04, 端午 05-28 and 中秋 10-03 (the same day as the third day of 国庆)', () => {
      expect(statutoryHolidays(2028)).toEqual([
        { name: '元旦', dates: ['2028-01-01'] },
        { name: '春节', dates: ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'] },
        { name: '清明节', dates: ['2028-04-04'] },
        { name: '劳动节', dates: ['2028-05-01', '2028-05-02'] },
        { name: '端午节', dates: ['2028-05-28'] },
        { name: '中秋节', dates: ['2028-10-03'] },
        { name: '国庆节', dates: ['2028-10-01', '2028-10-02', '2028-10-03'] },
      ]);
      expect(lunarToGregorian(2028, 1, 1)).toBe('2028-01-26');
      expect(qingmingOf(2028)).toBe('2028-04-04');
      expect(lunarToGregorian(2028, 5, 5)).toBe('2028-05-28');
      expect(lunarToGregorian(2028, 8, 15)).toBe('2028-10-03');
    });
  });

  describe('when computing 2024 (the 2013 version still in force)', () => {
    it('then 春节 is 初一–初三 without 除夕 (02-09 was a working day) and 劳动节 is 1 May only', () => {
      expect(datesOf(2024, '春节')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
      expect(datesOf(2024, '劳动节')).toEqual(['2024-05-01']);
      expect(statutoryHolidays(2024).flatMap((holiday) => holiday.dates)).toHaveLength(11);
    });
  });

  describe('when computing 2025, the first year of the 2024 revision', () => {
    it('then 除夕 2025-01-28 and 2 May are statutory, 13 days in all', () => {
      expect(datesOf(2025, '春节')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
      expect(datesOf(2025, '劳动节')).toEqual(['2025-05-01', '2025-05-02']);
      expect(statutoryHolidays(2025).flatMap((holiday) => holiday.dates)).toHaveLength(13);
    });
  });

  /** What a second library says each holiday of each year 2014–2100 is, keyed `year name`. */
  type Answers = Record<string, readonly string[]>;
  const ourAnswers = (): Answers => {
    const answers: Answers = {};
    for (let year = 2014; year <= 2100; year++) {
      for (const name of ['春节', '清明节', '端午节', '中秋节'] as const) answers[`${year} ${name}`] = datesOf(year, name) ?? [];
    }
    return answers;
  };
  const disagreements = (ours: Answers, theirs: Answers) =>
    Object.keys(ours)
      .filter((key) => JSON.stringify(ours[key]) !== JSON.stringify(theirs[key]))
      .map((key) => `${key}: ${String(ours[key])} vs ${String(theirs[key])}`);
  const withEve = (year: number, newYear: string, second: string, third: string) =>
    year >= 2025 ? [dayBefore(newYear), newYear, second, third] : [newYear, second, third];

  describe('when every year 2014–2100 is compared with the independent library date-chinese (VSOP87/ELP, in this process)', () => {
    const theirs: Answers = {};
    const evesNotLastOfTwelfthMonth: string[] = [];
    beforeAll(() => {
      for (let year = 2014; year <= 2100; year++) {
        const newYear = lunarToGregorian(year, 1, 1);
        theirs[`${year} 春节`] = withEve(year, newYear, lunarToGregorian(year, 1, 2), lunarToGregorian(year, 1, 3));
        theirs[`${year} 清明节`] = [qingmingOf(year)];
        theirs[`${year} 端午节`] = [lunarToGregorian(year, 5, 5)];
        theirs[`${year} 中秋节`] = [lunarToGregorian(year, 8, 15)];
        // get() is [cycle, year, month, leap, day]
        const [, , month, , day] = new CalendarChinese().fromGregorian(...(dayBefore(newYear).split('-').map(Number) as [number, number, number])).get();
        if (month !== 12 || ![29, 30].includes(day!)) evesNotLastOfTwelfthMonth.push(`${year}: ${month}/${day}`);
      }
    });

    it('then 除夕, 初一–初三, 清明, 端午 and 中秋 agree on every year but the known 2033 problem (癸丑年 闰十一月, see below)', () => {
      expect(disagreements(ourAnswers(), theirs)).toEqual(['2033 中秋节: 2033-09-08 vs 2033-10-07']);
      expect(evesNotLastOfTwelfthMonth).toEqual([]);
    });
  });

  describe('when every year 2014–2100 is compared with chinese-days (tables, run under TZ=Asia/Shanghai as it needs)', () => {
    let theirs: Answers;
    beforeAll(() => {
      const script = `
        const cd = require('chinese-days');
        const answers = {};
        const solar = (lunar) => cd.getSolarDateFromLunar(lunar).date;
        for (let year = 2014; year <= 2100; year++) {
          answers[year + ' 春节'] = [solar(year + '-01-01'), solar(year + '-01-02'), solar(year + '-01-03')];
          answers[year + ' 清明节'] = cd.getSolarTerms(year + '-03-25', year + '-04-15').filter((t) => t.name === '清明').map((t) => t.date);
          answers[year + ' 端午节'] = [solar(year + '-05-05')];
          answers[year + ' 中秋节'] = [solar(year + '-08-15')];
        }
        process.stdout.write(JSON.stringify(answers));
      `;
      const raw = runUnderTimeZone<Record<string, string[]>>('Asia/Shanghai', script);
      theirs = Object.fromEntries(
        Object.entries(raw).map(([key, dates]) => {
          const year = Number(key.slice(0, 4));
          return [key, key.endsWith('春节') ? withEve(year, dates[0]!, dates[1]!, dates[2]!) : dates];
        }),
      );
    });

    it('then they agree on every year but 清明 2100, where the two astronomical libraries agree on 04-05', () => {
      expect(disagreements(ourAnswers(), theirs)).toEqual(['2100 清明节: 2100-04-05 vs 2100-04-04']);
      expect(qingmingOf(2100)).toBe('2100-04-05');
    });

    it("then in 2033 chinese-days confirms 中秋 on 2033-09-08 (八月 before the leap 十一月 of GB/T 33661-2017), not date-chinese's 10-07", () => {
      expect(theirs['2033 中秋节']).toEqual(['2033-09-08']);
      expect(datesOf(2033, '中秋节')).toEqual(['2033-09-08']);
    });
  });

  describe('when the year is outside the modelled versions', () => {
    it.each([2013, 2101, 2027.5])('then %p is refused with a RangeError', (year) => {
      expect(() => statutoryHolidays(year)).toThrow(RangeError);
    });
  });
});

// The rest days written out by hand from the worked examples (weekends are added by the loops below).
const REST_2027: ReadonlyArray<readonly [string, string, string]> = [
  ['元旦', '2027-01-01', '2027-01-03'],
  ['春节', '2027-02-05', '2027-02-10'],
  ['清明节', '2027-04-03', '2027-04-05'],
  ['劳动节', '2027-05-01', '2027-05-04'],
  ['端午节', '2027-06-09', '2027-06-09'],
  ['中秋节', '2027-09-15', '2027-09-15'],
  ['国庆节', '2027-10-01', '2027-10-05'],
];
const REST_2028: ReadonlyArray<readonly [string, string, string]> = [
  ['元旦', '2028-01-01', '2028-01-03'], // Saturday 1 Jan: Monday 01-03 in lieu
  ['春节', '2028-01-25', '2028-01-30'], // 除夕 Tuesday to 初三 Friday, then the weekend; no holiday on a weekend
  ['清明节', '2028-04-04', '2028-04-04'], // Tuesday; Monday 04-03 is worked
  ['劳动节', '2028-04-29', '2028-05-02'], // Monday and Tuesday, joined to the weekend before
  ['端午节', '2028-05-27', '2028-05-29'], // Sunday 05-28: Monday 05-29 in lieu
  ['国庆节、中秋节', '2028-09-30', '2028-10-04'], // Sunday 10-01: Wednesday 10-04 in lieu; 中秋 falls on 10-03
];
const asArrangements = (rest: typeof REST_2027) => rest.map(([name, first, last]) => ({ name, rest: [first, last], makeUpWorkdays: [] }));

/** Working days of a year from literal rest ranges: Monday–Friday outside every range. */
function workingDaysFromLiterals(year: number, rest: typeof REST_2027): number {
  const restDays = new Set(rest.flatMap(([, first, last]) => datesFrom(first, last)));
  return datesFrom(`${year}-01-01`, `${year}-12-31`).filter((date) => ![0, 6].includes(weekdayOf(date)) && !restDays.has(date)).length;
}

describe('given a year without an official notice', () => {
  describe('when deriving the provisional 2027 (Article 2 holidays, weekends, Article 6 compensation)', () => {
    const record = provisionalYearRecord(2027);

    it('then the rest periods are 元旦 01-01..03, 春节 02-05..10, 清明 04-03..05, 劳动 05-01..04, 端午 06-09, 中秋 09-15, 国庆 10-01..05', () => {
      expect(record.holidays).toEqual(asArrangements(REST_2027));
    });

    it('then 春节 Saturday 02-06 and Sunday 02-07 push two working days after the period, 02-09 and 02-10', () => {
      expect(nationalCalendar.isWorkingDay('2027-02-08')).toBe(false); // 初三, Monday
      expect(nationalCalendar.isWorkingDay('2027-02-09')).toBe(false);
      expect(nationalCalendar.isWorkingDay('2027-02-10')).toBe(false);
      expect(nationalCalendar.isWorkingDay('2027-02-11')).toBe(true);
      expect(nationalCalendar.isWorkingDay('2027-02-04')).toBe(true); // the day before 除夕
    });

    it('then it is marked provisional, cites the 办法 of 2024-11-10 on gov.cn and has no make-up working days', () => {
      expect(record).toMatchObject({ year: 2027, provisional: true, publishedOn: '2024-11-10' });
      expect(record.documentNumber).toMatch(/^暂行安排（依《全国年节及纪念日放假办法》第二条、第六条推算）$/);
      expect(record.source).toMatch(/^https:\/\/www\.gov\.cn\/zhengce\/content\/202411\//);
      expect(record.holidays.flatMap((holiday) => holiday.makeUpWorkdays)).toEqual([]);
    });

    it('then every statutory day and every Monday–Friday compensation day is a rest day, and all else Monday–Friday works', () => {
      const restDays = new Set(REST_2027.flatMap(([, first, last]) => datesFrom(first, last)));
      for (const date of datesFrom('2027-01-01', '2027-12-31')) {
        const expected = ![0, 6].includes(weekdayOf(date)) && !restDays.has(date);
        expect([date, nationalCalendar.isWorkingDay(date)]).toEqual([date, expected]);
      }
    });
  });

  describe('when deriving the provisional 2028', () => {
    it('then 元旦 and 端午 on a weekend each push one day, and 中秋 on 国庆 day 3 joins the name without an extra day', () => {
      expect(provisionalYearRecord(2028).holidays).toEqual(asArrangements(REST_2028));
    });
  });

  describe.each([
    [2027, REST_2027],
    [2028, REST_2028],
  ] as const)('when counting the working days of %i', (year, rest) => {
    it('then the calendar agrees with a plain loop over the literal rest days, 248 each', () => {
      const expected = workingDaysFromLiterals(year, rest);
      expect(expected).toBe(248);
      expect(datesFrom(`${year}-01-01`, `${year}-12-31`).filter((date) => nationalCalendar.isWorkingDay(date))).toHaveLength(expected);
    });
  });

  describe('when a weekend holiday joins another period (2036: 中秋 on Saturday 10-04, right after 国庆 10-01..03)', () => {
    it('then one period 10-01..10-06 named 国庆节、中秋节, with Monday 10-06 in lieu of the Saturday', () => {
      expect(datesOf(2036, '中秋节')).toEqual(['2036-10-04']);
      const autumn = provisionalYearRecord(2036).holidays.filter((holiday) => holiday.rest[0]! >= '2036-09-01');
      expect(autumn).toEqual([{ name: '国庆节、中秋节', rest: ['2036-10-01', '2036-10-06'], makeUpWorkdays: [] }]);
    });
  });

  describe('when compensation runs into a later holiday (2044: 国庆 Saturday 10-01 to Monday 10-03, 中秋 Wednesday 10-05)', () => {
    it('then Saturday gets Tuesday 10-04, and Sunday gets the first working day after 中秋, Thursday 10-06', () => {
      expect(datesOf(2044, '中秋节')).toEqual(['2044-10-05']);
      const autumn = provisionalYearRecord(2044).holidays.filter((holiday) => holiday.rest[0]! >= '2044-09-01');
      expect(autumn).toEqual([{ name: '国庆节、中秋节', rest: ['2044-10-01', '2044-10-06'], makeUpWorkdays: [] }]);
    });
  });

  describe('when 中秋 comes first (2050: Friday 09-30, then 国庆 Saturday to Monday)', () => {
    it('then the period is named in date order 中秋节、国庆节 and Saturday and Sunday push 10-04 and 10-05', () => {
      const autumn = provisionalYearRecord(2050).holidays.filter((holiday) => holiday.rest[0]! >= '2050-09-01');
      expect(autumn).toEqual([{ name: '中秋节、国庆节', rest: ['2050-09-30', '2050-10-05'], makeUpWorkdays: [] }]);
    });
  });

  describe('when New Year falls on a Sunday (2034) and the weekend run begins in the previous year', () => {
    it('then the period is clipped to 2034-01-01..01-02 with Monday in lieu', () => {
      expect(weekdayOf('2034-01-01')).toBe(0);
      expect(provisionalYearRecord(2034).holidays[0]).toEqual({ name: '元旦', rest: ['2034-01-01', '2034-01-02'], makeUpWorkdays: [] });
    });
  });

  describe('when every provisional year 2014–2100 is checked with the notice rules', () => {
    it('then each passes them all, and only the provisional mark keeps it from passing as an official notice', () => {
      for (let year = 2014; year <= 2100; year++) {
        const record = provisionalYearRecord(year);
        expect([year, validateHolidayNotice(record, { allowProvisional: true })]).toEqual([year, []]);
        expect(validateHolidayNotice(record).map((issue) => issue.code)).toEqual(['PROVISIONAL_NOT_ALLOWED']);
        expect(() => WorkingCalendar.fromRecords([record])).not.toThrow();
      }
    });
  });
});

describe('given the national calendar: notices 2024–2026 and a two-year provisional horizon', () => {
  describe('when listing its years', () => {
    it('then 2024–2026 are official, 2027 and 2028 provisional, and loadedYears stays the official ones', () => {
      expect(nationalCalendar.officialYears()).toEqual([2024, 2025, 2026]);
      expect(nationalCalendar.provisionalYears()).toEqual([2027, 2028]);
      expect(nationalCalendar.coveredYears()).toEqual([2024, 2025, 2026, 2027, 2028]);
      expect(nationalCalendar.loadedYears()).toEqual([2024, 2025, 2026]);
      expect([2026, 2027, 2028, 2029].map((year) => nationalCalendar.isProvisionalYear(year))).toEqual([false, true, true, false]);
    });
  });

  describe('when a date or a count reaches 2029, the first year beyond the horizon', () => {
    it.each([
      ['a working-day question', () => nationalCalendar.isWorkingDay('2029-01-02')],
      ['a deadline from Thursday 2028-12-28 (Friday 12-29 is day 1)', () => nationalCalendar.addWorkingDays('2028-12-28T10:00:00+08:00', 2)],
      ['a count into 2029', () => nationalCalendar.workingDaysBetween('2028-12-01T10:00:00+08:00', '2029-01-03T10:00:00+08:00')],
    ])('then %s throws CalendarNotAvailable naming 2029', (_label, compute) => {
      let thrown: unknown;
      try {
        compute();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CalendarNotAvailable);
      expect((thrown as CalendarNotAvailable).year).toBe(2029);
    });

    it('then the last covered working day still works (2028-12-29 is day 1 after 12-28)', () => {
      expect(nationalCalendar.addWorkingDays('2028-12-28T10:00:00+08:00', 1)).toBe(end('2028-12-29'));
    });
  });

  describe('when a deadline of 20 working days starts on Tuesday 2026-12-15', () => {
    // 2026 (notice): no rest or make-up day in December, so 12-16..12-31 give days 1–12 (Wed 16 – Thu 31).
    // 2027 (provisional): Friday 01-01 rest, weekend 01-02/03; Mon 01-04 is day 13 … Fri 01-08 day 17,
    // Mon 01-11 day 18, Tue 01-12 day 19, Wed 01-13 day 20.
    it('then it ends on Wednesday 2027-01-13 and is marked provisional', () => {
      expect(nationalCalendar.deadline('2026-12-15T10:00:00+08:00', 20)).toEqual({ deadline: end('2027-01-13'), provisional: true });
      expect(nationalCalendar.addWorkingDays('2026-12-15T10:00:00+08:00', 20)).toBe(end('2027-01-13'));
      expect(nationalCalendar.workingDaysBetween('2026-12-15T10:00:00+08:00', end('2027-01-13'))).toBe(20);
    });

    it('then a deadline that stays in 2026 carries no mark (12 working days end on Thursday 12-31)', () => {
      expect(nationalCalendar.deadline('2026-12-15T10:00:00+08:00', 12)).toEqual({ deadline: end('2026-12-31') });
    });
  });

  describe('when asking whether a span counts a provisional day (dates d with date(start) < d <= date(end))', () => {
    it.each([
      ['2026-12-30T10:00:00+08:00', '2026-12-31T18:00:00+08:00', false, 'both in 2026'],
      ['2026-12-31T10:00:00+08:00', '2027-01-01T09:00:00+08:00', true, '2027-01-01 is counted'],
      ['2026-12-31T15:59:59Z', '2026-12-31T16:00:00Z', true, 'one second apart, but 2026-12-31 then 2027-01-01 in Shanghai'],
      ['2026-12-31T16:00:00Z', '2027-01-01T15:59:59Z', false, 'the same Shanghai day 2027-01-01: no day is counted'],
      ['2027-03-01T10:00:00+08:00', '2026-12-01T10:00:00+08:00', true, 'reversed, as workingDaysBetween'],
      ['2025-01-01T10:00:00+08:00', '2026-12-31T10:00:00+08:00', false, 'official years only'],
      ['2028-12-30T10:00:00+08:00', '2029-06-01T10:00:00+08:00', true, 'beyond the horizon it answers without throwing'],
    ])('then %s .. %s is %s (%s)', (start, stop, expected) => {
      expect(nationalCalendar.countsProvisionalDay(start, stop)).toBe(expected);
    });

    it('then a tenant calendar with local closures keeps the provisional marks', () => {
      const tenant = nationalCalendar.withExtraClosures(['2027-01-04']);
      expect(tenant.isProvisionalYear(2027)).toBe(true);
      expect(tenant.provisionalYears()).toEqual([2027, 2028]);
      expect(tenant.deadline('2026-12-15T10:00:00+08:00', 20)).toEqual({ deadline: end('2027-01-14'), provisional: true });
    });
  });

  describe('when the official 2027 notice is loaded', () => {
    const notice2027: CalendarYearRecord = {
      year: 2027,
      source: 'https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm',
      documentNumber: '国办发明电〔2026〕99号',
      publishedOn: '2026-11-10',
      holidays: [{ name: '元旦', rest: ['2027-01-01', '2027-01-03'], makeUpWorkdays: ['2027-01-09'] }],
    };

    it('then 2027 follows the notice, 2028 and 2029 become provisional, and 2030 is not available', () => {
      const calendar = nationalCalendarFrom([...officialCalendarYears, notice2027]);
      expect(calendar.officialYears()).toEqual([2024, 2025, 2026, 2027]);
      expect(calendar.provisionalYears()).toEqual([2028, 2029]);
      expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
      expect(calendar.deadline('2026-12-15T10:00:00+08:00', 20)).toEqual({ deadline: end('2027-01-12') });
      expect(() => calendar.isWorkingDay('2030-01-02')).toThrow(CalendarNotAvailable);
    });
  });

  describe('when the horizon is chosen', () => {
    it('then 0 years leaves 2027 unavailable, 3 years covers 2029, and no official year means no provisional year', () => {
      expect(() => nationalCalendarFrom(officialCalendarYears, 0).isWorkingDay('2027-01-04')).toThrow(CalendarNotAvailable);
      expect(nationalCalendarFrom(officialCalendarYears, 3).provisionalYears()).toEqual([2027, 2028, 2029]);
      expect(nationalCalendarFrom([]).coveredYears()).toEqual([]);
    });

    it.each([-1, 1.5, Number.NaN])('then a horizon of %p is refused', (horizon) => {
      expect(() => nationalCalendarFrom(officialCalendarYears, horizon)).toThrow(InvalidCalendarInputError);
    });
  });
});

describe('given the process time zone is Los Angeles or Shanghai', () => {
  /** Statutory holidays, provisional records and a deadline computed in a child process with the given TZ. */
  function fingerprintUnder(timeZone: string): { offsetMinutes: number; results: unknown } {
    const script = `
      const holidays = require(${moduleAt('functions/domain/statutory-holidays.ts')});
      const provisional = require(${moduleAt('functions/domain/provisional-calendar.ts')});
      const calendar = require(${moduleAt('functions/domain/calendar.ts')});
      const years = [2027, 2028, 2029, 2030, 2036, 2044];
      const results = {
        statutory: years.map(holidays.statutoryHolidays),
        records: years.map(provisional.provisionalYearRecord),
        deadline: calendar.nationalCalendar.deadline('2026-12-15T10:00:00+08:00', 20),
        lateEvening: calendar.nationalCalendar.deadline('2026-12-31T23:30:00-08:00', 1),
      };
      process.stdout.write(JSON.stringify({ offsetMinutes: new Date('2027-07-01T00:00:00Z').getTimezoneOffset(), results }));
    `;
    return runUnderTimeZone(timeZone, script);
  }

  describe('when the same derivation runs under each', () => {
    let losAngeles: ReturnType<typeof fingerprintUnder>;
    let shanghai: ReturnType<typeof fingerprintUnder>;
    beforeAll(() => {
      losAngeles = fingerprintUnder('America/Los_Angeles');
      shanghai = fingerprintUnder('Asia/Shanghai');
    });

    it('then the children really ran in different zones and every result is identical', () => {
      expect(losAngeles.offsetMinutes).toBe(420);
      expect(shanghai.offsetMinutes).toBe(-480);
      expect(losAngeles.results).toEqual(shanghai.results);
    });

    it('then the results are the Shanghai-date answers', () => {
      const { results } = losAngeles as { results: { deadline: unknown; lateEvening: unknown; records: Array<{ holidays: unknown }> } };
      expect(results.deadline).toEqual({ deadline: end('2027-01-13'), provisional: true });
      // 23:30 in Los Angeles on 12-31 is 15:30 on Friday 2027-01-01 in Shanghai (a holiday): day 1 is Monday 01-04
      expect(results.lateEvening).toEqual({ deadline: end('2027-01-04'), provisional: true });
      expect(results.records[0]?.holidays).toEqual(asArrangements(REST_2027));
    });
  });
});
