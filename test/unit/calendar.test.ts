import { isWorkday } from 'chinese-days';
import {
  CalendarNotAvailable,
  type CalendarYearRecord,
  InvalidCalendarInputError,
  InvalidInstantError,
  InvalidWorkingDayCountError,
  WorkingCalendar,
  addWorkingDays,
  epochMillis,
  isWorkingDay,
  loadedYears,
  nationalCalendar,
  shanghaiDate,
  workingDaysBetween,
} from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';

const DAY_MS = 86_400_000;

/** Every date from `first` to `last` inclusive, as YYYY-MM-DD. */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += DAY_MS) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

const end = (ymd: string) => `${ymd}T23:59:59+08:00`;

describe('given the official 2024–2026 notices', () => {
  describe('when listing the loaded years', () => {
    it('then 2024, 2025 and 2026 are loaded, each with its source and document number', () => {
      expect(loadedYears()).toEqual([2024, 2025, 2026]);
      for (const record of officialCalendarYears) {
        expect(record.source).toMatch(/^https:\/\/www\.gov\.cn\//);
        expect(record.documentNumber).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
        expect(record.publishedOn < `${record.year}-01-01`).toBe(true);
      }
    });
  });

  describe('when counting the working days of each year', () => {
    it.each([
      [2024, 251],
      [2025, 248],
      [2026, 248],
    ])('then %i has %i working days', (year, expected) => {
      expect(datesFrom(`${year}-01-01`, `${year}-12-31`).filter((date) => isWorkingDay(date))).toHaveLength(expected);
    });
  });

  describe('when every date 2024-01-01..2026-12-31 is compared with chinese-days', () => {
    it('then isWorkingDay agrees with isWorkday on every date', () => {
      const dates = datesFrom('2024-01-01', '2026-12-31');
      expect(dates).toHaveLength(1096);
      const disagreements = dates.filter((date) => isWorkingDay(date) !== isWorkday(date));
      expect(disagreements).toEqual([]);
    });
  });

  describe('when asking about the traps of the notices', () => {
    it.each([
      ['2024-02-09', true, '除夕 2024 (Friday) was an official working day'],
      ['2024-02-04', true, 'Sunday make-up day before Spring Festival 2024'],
      ['2024-02-18', true, 'Sunday make-up day after Spring Festival 2024'],
      ['2024-02-10', false, 'Spring Festival 2024 first day'],
      ['2024-02-17', false, 'Spring Festival 2024 last day (Saturday)'],
      ['2025-01-28', false, '除夕 2025 is a statutory holiday under the 2024 revision'],
      ['2025-02-08', true, 'Saturday make-up day after Spring Festival 2025'],
      ['2025-10-08', false, 'eighth day of the combined National Day and Mid-Autumn holiday 2025'],
      ['2025-10-11', true, 'Saturday make-up day after National Day 2025'],
      ['2026-01-04', true, 'Sunday make-up day after New Year 2026'],
      ['2026-02-14', true, 'Saturday make-up day before Spring Festival 2026'],
      ['2026-02-23', false, 'ninth day of Spring Festival 2026 (Monday)'],
      ['2026-02-28', true, 'Saturday make-up day after Spring Festival 2026'],
      ['2026-09-20', true, 'Sunday make-up day before National Day 2026'],
      ['2026-03-07', false, 'an ordinary Saturday'],
    ])('then %s is working day = %s (%s)', (date, expected) => {
      expect(isWorkingDay(date)).toBe(expected);
    });
  });
});

describe('given instants with various offsets', () => {
  describe('when taking their Asia/Shanghai date', () => {
    it.each([
      ['2025-02-07T16:30Z', '2025-02-08'],
      ['2025-02-07T16:30:00.000Z', '2025-02-08'],
      ['2025-02-07T15:59:59.999Z', '2025-02-07'],
      ['2025-02-08T00:00:00+08:00', '2025-02-08'],
      ['2025-02-07T23:59:59+08:00', '2025-02-07'],
      ['2025-02-07T08:00:00-08:00', '2025-02-08'],
      ['2025-02-08T00:30:00+09:00', '2025-02-07'],
      ['2025-02-08', '2025-02-08'],
      ['2024-12-31T16:00:00Z', '2025-01-01'],
    ])('then %s is %s in Shanghai', (instant, expected) => {
      expect(shanghaiDate(instant)).toBe(expected);
    });
  });

  describe('when the input is not a valid ISO date or instant with offset', () => {
    it.each([
      '',
      'yesterday',
      '2025-02-30',
      '2025-13-01',
      '2025-02-07T16:30', // local time: its meaning would depend on the process time zone
      '2025-02-07T24:00:00Z',
      '2025-02-07T12:60:00Z',
      '2025-02-07T12:00:00+25:00',
      '2025-2-7',
      '2025-02-07 12:00:00Z',
    ])('then %j throws InvalidInstantError', (input) => {
      expect(() => addWorkingDays(input, 1)).toThrow(InvalidInstantError);
      const error = captureError(() => shanghaiDate(input));
      expect(error).toBeInstanceOf(InvalidInstantError);
      expect(error.name).toBe('InvalidInstantError');
    });
  });

  describe('when converting to epoch milliseconds', () => {
    it('then the result equals the JavaScript parse for well-formed instants', () => {
      for (const instant of ['2025-02-07T16:30Z', '2025-02-07T08:00:00.250-08:00', '2026-02-14T00:00:00+08:00']) {
        expect(epochMillis(instant)).toBe(Date.parse(instant));
      }
      expect(epochMillis('2025-02-08')).toBe(Date.parse('2025-02-08T00:00:00+08:00'));
    });
  });
});

describe('given an acceptance around Spring Festival 2024 (除夕 02-09 worked, 02-10..17 off, 02-04 and 02-18 Sundays worked)', () => {
  describe('when adding working days from Thursday 2024-02-08', () => {
    it.each([
      [1, '2024-02-09'],
      [2, '2024-02-18'],
      [3, '2024-02-19'],
      [5, '2024-02-21'],
    ])('then %i working day(s) end on %s', (n, expected) => {
      expect(addWorkingDays('2024-02-08T10:00:00+08:00', n)).toBe(end(expected));
    });
  });

  describe('when accepting on Friday 2024-02-02', () => {
    it('then day 1 is the Sunday make-up day 2024-02-04', () => {
      expect(addWorkingDays('2024-02-02T16:00:00+08:00', 1)).toBe(end('2024-02-04'));
      expect(addWorkingDays('2024-02-02T16:00:00+08:00', 2)).toBe(end('2024-02-05'));
    });
  });

  describe('when accepting on the holiday Monday 2024-02-12', () => {
    it('then counting starts after the holiday day itself', () => {
      expect(addWorkingDays('2024-02-12T09:00:00+08:00', 1)).toBe(end('2024-02-18'));
      expect(addWorkingDays('2024-02-12T09:00:00+08:00', 5)).toBe(end('2024-02-22'));
    });
  });

  describe('when accepting on the make-up Sunday 2024-02-18', () => {
    it('then the make-up day itself does not count', () => {
      expect(addWorkingDays('2024-02-18T09:00:00+08:00', 1)).toBe(end('2024-02-19'));
    });
  });

  describe('when counting working days across the holiday', () => {
    it('then 02-09, 02-18 and 02-19 are counted, and reversed arguments give the negative', () => {
      expect(workingDaysBetween('2024-02-08T09:00:00+08:00', '2024-02-19T18:00:00+08:00')).toBe(3);
      expect(workingDaysBetween('2024-02-19T18:00:00+08:00', '2024-02-08T09:00:00+08:00')).toBe(-3);
      expect(workingDaysBetween('2024-02-10T09:00:00+08:00', '2024-02-17T09:00:00+08:00')).toBe(0);
    });
  });
});

describe('given an acceptance around Spring Festival 2025 (01-28..02-04 off, 01-26 Sunday and 02-08 Saturday worked)', () => {
  describe('when adding working days from Friday 2025-01-24', () => {
    it.each([
      [1, '2025-01-26'],
      [2, '2025-01-27'],
      [3, '2025-02-05'],
      [6, '2025-02-08'],
      [7, '2025-02-10'],
    ])('then %i working day(s) end on %s', (n, expected) => {
      expect(addWorkingDays('2025-01-24T11:00:00+08:00', n)).toBe(end(expected));
    });
  });

  describe('when the instant 2025-02-07T16:30Z (Saturday 02-08 in Shanghai, a make-up day) is the start', () => {
    it('then the start day is 02-08 and does not count, so day 1 is Monday 02-10', () => {
      expect(addWorkingDays('2025-02-07T16:30Z', 1)).toBe(end('2025-02-10'));
    });
    it('then one second earlier in Shanghai (Friday 02-07) day 1 is the make-up Saturday 02-08', () => {
      expect(addWorkingDays('2025-02-07T15:59:59Z', 1)).toBe(end('2025-02-08'));
    });
  });
});

describe('given an acceptance around Spring Festival 2026 (02-15..02-23 off, Saturdays 02-14 and 02-28 worked)', () => {
  describe('when adding working days from Friday 2026-02-13', () => {
    it.each([
      [1, '2026-02-14'],
      [2, '2026-02-24'],
      [5, '2026-02-27'],
      [6, '2026-02-28'],
      [7, '2026-03-02'],
    ])('then %i working day(s) end on %s', (n, expected) => {
      expect(addWorkingDays('2026-02-13T09:30:00+08:00', n)).toBe(end(expected));
    });
  });

  describe('when accepting on the make-up Saturday 2026-02-14', () => {
    it('then day 1 is Tuesday 2026-02-24', () => {
      expect(addWorkingDays('2026-02-14T09:30:00+08:00', 1)).toBe(end('2026-02-24'));
    });
  });
});

describe('given National Day with make-up weekends', () => {
  describe('when accepting on Friday 2024-09-27 (09-29 Sunday worked, 10-01..07 off, 10-12 Saturday worked)', () => {
    it.each([
      [1, '2024-09-29'],
      [2, '2024-09-30'],
      [3, '2024-10-08'],
      [7, '2024-10-12'],
      [8, '2024-10-14'],
    ])('then %i working day(s) end on %s', (n, expected) => {
      expect(addWorkingDays('2024-09-27T15:00:00+08:00', n)).toBe(end(expected));
    });
  });

  describe('when accepting on Friday 2025-09-26 (09-28 Sunday worked, 10-01..08 off, 10-11 Saturday worked)', () => {
    it.each([
      [1, '2025-09-28'],
      [3, '2025-09-30'],
      [4, '2025-10-09'],
      [6, '2025-10-11'],
      [7, '2025-10-13'],
    ])('then %i working day(s) end on %s', (n, expected) => {
      expect(addWorkingDays('2025-09-26T15:00:00+08:00', n)).toBe(end(expected));
    });
  });

  describe('when accepting on the holiday 2026-10-03 (10-01..07 off, 10-10 Saturday worked)', () => {
    it('then days 1..4 are 10-08, 10-09, 10-10 and 10-12', () => {
      expect(addWorkingDays('2026-10-03T10:00:00+08:00', 1)).toBe(end('2026-10-08'));
      expect(addWorkingDays('2026-10-03T10:00:00+08:00', 3)).toBe(end('2026-10-10'));
      expect(addWorkingDays('2026-10-03T10:00:00+08:00', 4)).toBe(end('2026-10-12'));
    });
  });
});

describe('given an acceptance on an ordinary weekend or at midnight with other offsets', () => {
  describe('when accepting on Saturday or Sunday', () => {
    it('then day 1 is the following Monday', () => {
      expect(addWorkingDays('2025-03-15T10:00:00+08:00', 1)).toBe(end('2025-03-17'));
      expect(addWorkingDays('2025-03-16T10:00:00+08:00', 1)).toBe(end('2025-03-17'));
    });
  });

  describe('when the offset moves the instant across the Shanghai midnight', () => {
    it('then the Shanghai date decides the start day', () => {
      // Friday 23:30 in New York is Saturday 12:30 in Shanghai.
      expect(addWorkingDays('2025-03-14T23:30:00-05:00', 1)).toBe(end('2025-03-17'));
      // Saturday 00:30 in Tokyo is still Friday 23:30 in Shanghai.
      expect(addWorkingDays('2025-03-15T00:30:00+09:00', 1)).toBe(end('2025-03-17'));
      expect(addWorkingDays('2025-03-12T16:00:00Z', 1)).toBe(end('2025-03-14'));
      expect(addWorkingDays('2025-03-12T15:59:59Z', 1)).toBe(end('2025-03-13'));
    });
  });

  describe('when crossing New Year 2026 (01-01..03 off, Sunday 01-04 worked)', () => {
    it('then day 1 after 2025-12-31 is the make-up Sunday 2026-01-04', () => {
      expect(addWorkingDays('2025-12-31T17:00:00+08:00', 1)).toBe(end('2026-01-04'));
    });
  });
});

describe('given suspensions (days with date(from) < d <= date(resume) do not count)', () => {
  const acceptedMonday = '2025-03-03T09:00:00+08:00';

  describe('when a suspension runs from Tuesday 03-04 to Thursday 03-06', () => {
    const suspensions: Array<[string, string]> = [['2025-03-04T10:00:00+08:00', '2025-03-06T15:00:00+08:00']];
    it('then 03-05 and 03-06 are skipped and the deadline moves from 03-10 to 03-12', () => {
      expect(addWorkingDays(acceptedMonday, 5)).toBe(end('2025-03-10'));
      expect(addWorkingDays(acceptedMonday, 5, suspensions)).toBe(end('2025-03-12'));
      expect(workingDaysBetween(acceptedMonday, '2025-03-12T12:00:00+08:00', suspensions)).toBe(5);
    });
    it('then it equals the original deadline extended by workingDaysBetween(from, resume)', () => {
      const [[from, resume]] = suspensions;
      const extension = workingDaysBetween(from, resume);
      expect(addWorkingDays(acceptedMonday, 5, suspensions)).toBe(addWorkingDays(acceptedMonday, 5 + extension));
    });
  });

  describe('when a suspension starts and ends on the same day', () => {
    it('then nothing changes', () => {
      const sameDay: Array<[string, string]> = [['2025-03-04T09:00:00+08:00', '2025-03-04T17:00:00+08:00']];
      expect(addWorkingDays(acceptedMonday, 5, sameDay)).toBe(end('2025-03-10'));
      expect(workingDaysBetween(acceptedMonday, '2025-03-10T12:00:00+08:00', sameDay)).toBe(5);
    });
  });

  describe('when a suspension spans National Day 2024', () => {
    it('then only the working days inside it (10-08, 10-09) are skipped', () => {
      const suspensions: Array<[string, string]> = [['2024-09-30T10:00:00+08:00', '2024-10-09T10:00:00+08:00']];
      expect(addWorkingDays('2024-09-27T15:00:00+08:00', 3)).toBe(end('2024-10-08'));
      expect(addWorkingDays('2024-09-27T15:00:00+08:00', 3, suspensions)).toBe(end('2024-10-10'));
    });
  });

  describe('when a suspension resumes before it starts', () => {
    it('then InvalidCalendarInputError is thrown', () => {
      expect(() => addWorkingDays(acceptedMonday, 5, [['2025-03-06T10:00:00+08:00', '2025-03-04T10:00:00+08:00']])).toThrow(InvalidCalendarInputError);
    });
  });
});

describe('given a working-day count that is not a positive integer', () => {
  describe.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('when n is %p', (n) => {
    it('then a RangeError named InvalidWorkingDayCountError is thrown', () => {
      const error = captureError(() => addWorkingDays('2025-03-03T09:00:00+08:00', n));
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toBeInstanceOf(InvalidWorkingDayCountError);
      expect(error.name).toBe('InvalidWorkingDayCountError');
    });
  });
});

describe('given years neither loaded nor provisional (2023, and 2029 beyond the two-year provisional horizon)', () => {
  describe.each([
    ['isWorkingDay in 2029', () => isWorkingDay('2029-01-04'), 2029],
    ['isWorkingDay in 2023', () => isWorkingDay('2023-12-29'), 2023],
    ['a deadline running into 2029', () => addWorkingDays('2028-12-28T10:00:00+08:00', 2), 2029],
    ['a start in 2023', () => addWorkingDays('2023-12-29T10:00:00+08:00', 1), 2023],
    ['a start that is 2029-01-01 in Shanghai', () => addWorkingDays('2028-12-31T16:00:00Z', 1), 2029],
    ['a count into 2029', () => workingDaysBetween('2028-12-01T10:00:00+08:00', '2029-01-05T10:00:00+08:00'), 2029],
    ['a same-day count in 2029', () => workingDaysBetween('2029-03-01T10:00:00+08:00', '2029-03-01T12:00:00+08:00'), 2029],
  ])('when computing %s', (_label, compute, year) => {
    it(`then CalendarNotAvailable names ${year} instead of falling back to Monday–Friday`, () => {
      const error = captureError(compute);
      expect(error).toBeInstanceOf(CalendarNotAvailable);
      expect(error.name).toBe('CalendarNotAvailable');
      expect((error as CalendarNotAvailable).year).toBe(year);
    });
  });

  describe('when the last loaded working day is reached', () => {
    it('then it still works (2026-12-31 is day 1 after 12-30)', () => {
      expect(addWorkingDays('2026-12-30T10:00:00+08:00', 1)).toBe(end('2026-12-31'));
    });
  });

  describe('when a date or a deadline lies in 2027, which has no notice yet', () => {
    it('then 2027 is provisional: it answers (Monday 01-04 works, 元旦 Friday 01-01 rests) instead of throwing', () => {
      expect(nationalCalendar.isProvisionalYear(2027)).toBe(true);
      expect(isWorkingDay('2027-01-04')).toBe(true);
      expect(isWorkingDay('2027-01-01')).toBe(false);
      expect(addWorkingDays('2026-12-30T10:00:00+08:00', 2)).toBe(end('2027-01-04'));
      expect(nationalCalendar.deadline('2026-12-30T10:00:00+08:00', 2)).toEqual({ deadline: end('2027-01-04'), provisional: true });
    });
  });
});

describe('given many starts and counts', () => {
  describe('when adding n working days and counting them back', () => {
    it('then workingDaysBetween(a, addWorkingDays(a, n)) === n, with and without a suspension', () => {
      const counts = [1, 2, 3, 5, 8, 13, 20, 30];
      const times = ['T00:00:00+08:00', 'T23:59:59+08:00', 'T08:30:00-08:00', 'T20:15:00Z'];
      let checked = 0;
      datesFrom('2024-01-01', '2026-10-31').forEach((date, index) => {
        const start = `${date}${times[index % times.length]}`;
        const suspension: Array<[string, string]> = [[start, addWorkingDays(start, 2)]];
        for (const n of counts) {
          const deadline = addWorkingDays(start, n);
          expect(workingDaysBetween(start, deadline)).toBe(n);
          expect(workingDaysBetween(deadline, start)).toBe(-n);
          expect(isWorkingDay(shanghaiDate(deadline))).toBe(true);
          expect(workingDaysBetween(start, addWorkingDays(start, n, suspension), suspension)).toBe(n);
          checked++;
        }
      });
      expect(checked).toBe(1035 * counts.length);
    });
  });
});

describe('given a tenant with local closures', () => {
  const tenant = nationalCalendar.withExtraClosures(['2025-03-10', '2025-02-08']);

  describe('when a closure falls on an ordinary Monday', () => {
    it('then that day is not a working day for the tenant only', () => {
      expect(tenant.isWorkingDay('2025-03-10')).toBe(false);
      expect(nationalCalendar.isWorkingDay('2025-03-10')).toBe(true);
      expect(isWorkingDay('2025-03-10', ['2025-03-10'])).toBe(false);
      expect(tenant.addWorkingDays('2025-03-07T10:00:00+08:00', 1)).toBe(end('2025-03-11'));
      expect(addWorkingDays('2025-03-07T10:00:00+08:00', 1)).toBe(end('2025-03-10'));
      expect(tenant.workingDaysBetween('2025-03-07T10:00:00+08:00', '2025-03-11T10:00:00+08:00')).toBe(1);
    });
  });

  describe('when a closure falls on a national make-up day', () => {
    it('then the closure wins', () => {
      expect(tenant.isWorkingDay('2025-02-08')).toBe(false);
    });
  });

  describe('when a closure date is malformed', () => {
    it('then InvalidInstantError is thrown', () => {
      expect(() => nationalCalendar.withExtraClosures(['2025-02-30'])).toThrow(InvalidInstantError);
    });
  });
});

describe('given notice records built by hand', () => {
  const record2027: CalendarYearRecord = {
    year: 2027,
    source: 'https://example.invalid/2027',
    documentNumber: 'test',
    publishedOn: '2026-11-01',
    holidays: [{ name: '元旦', rest: ['2027-01-01', '2027-01-03'], makeUpWorkdays: ['2027-01-09'] }],
  };

  describe('when a 2027 record is added to the official ones', () => {
    it('then 2027 becomes usable without code changes', () => {
      const calendar = WorkingCalendar.fromRecords([...officialCalendarYears, record2027]);
      expect(calendar.loadedYears()).toEqual([2024, 2025, 2026, 2027]);
      expect(calendar.addWorkingDays('2026-12-31T10:00:00+08:00', 1)).toBe(end('2027-01-04'));
      expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    });
  });

  describe.each([
    ['a year loaded twice', [record2027, record2027]],
    ['a rest range ending before it starts', [{ ...record2027, holidays: [{ name: 'x', rest: ['2027-01-03', '2027-01-01'], makeUpWorkdays: [] }] }]],
    ['a rest range with one date', [{ ...record2027, holidays: [{ name: 'x', rest: ['2027-01-03'], makeUpWorkdays: [] }] }]],
    ['a make-up day on a weekday', [{ ...record2027, holidays: [{ name: 'x', rest: ['2027-01-01', '2027-01-01'], makeUpWorkdays: ['2027-01-05'] }] }]],
    ['a date both rest and make-up', [{ ...record2027, holidays: [{ name: 'x', rest: ['2027-01-01', '2027-01-10'], makeUpWorkdays: ['2027-01-09'] }] }]],
  ] as Array<[string, CalendarYearRecord[]]>)('when the data contain %s', (_label, records) => {
    it('then loading fails with InvalidCalendarInputError', () => {
      expect(() => WorkingCalendar.fromRecords(records)).toThrow(InvalidCalendarInputError);
    });
  });
});

function captureError(compute: () => unknown): Error {
  try {
    compute();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
