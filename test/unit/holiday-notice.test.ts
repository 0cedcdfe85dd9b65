import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CalendarYearRecord } from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { type NoticeIssue, parseHolidayNotice, validateHolidayNotice } from '../../functions/domain/holiday-notice';

const dataDir = path.resolve(__dirname, '../../functions/domain/calendar-data');
const shippedText = (year: number) => readFileSync(path.join(dataDir, `${year}.json`), 'utf8');

/** The 2026 notice (国办发明电〔2025〕7号), written out here as the base every bad case changes one thing of. */
const notice2026 = (): CalendarYearRecord => ({
  year: 2026,
  source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
  documentNumber: '国办发明电〔2025〕7号',
  publishedOn: '2025-11-04',
  holidays: [
    { name: '元旦', rest: ['2026-01-01', '2026-01-03'], makeUpWorkdays: ['2026-01-04'] },
    { name: '春节', rest: ['2026-02-15', '2026-02-23'], makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', rest: ['2026-04-04', '2026-04-06'], makeUpWorkdays: [] },
    { name: '劳动节', rest: ['2026-05-01', '2026-05-05'], makeUpWorkdays: ['2026-05-09'] },
    { name: '端午节', rest: ['2026-06-19', '2026-06-21'], makeUpWorkdays: [] },
    { name: '中秋节', rest: ['2026-09-25', '2026-09-27'], makeUpWorkdays: [] },
    { name: '国庆节', rest: ['2026-10-01', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
});

/** The 2026 notice with holiday `index` replaced by `change` applied to it. */
function withHoliday(index: number, change: (holiday: CalendarYearRecord['holidays'][number]) => object): Record<string, unknown> {
  const notice = notice2026();
  return { ...notice, holidays: notice.holidays.map((holiday, at) => (at === index ? change(holiday) : holiday)) };
}

const parseObject = (value: unknown) => parseHolidayNotice(JSON.stringify(value, null, 2));
const issuesOf = (value: unknown): NoticeIssue[] => {
  const result = parseObject(value);
  return result.ok ? [] : result.issues;
};
const summary = (issues: readonly NoticeIssue[]) => issues.map(({ code, path: where }) => [code, where]);
/** 1-based number of the first line of `text` that contains `needle` (found without the code under test). */
const lineOf = (text: string, needle: string, after = 0): number => text.split('\n').findIndex((line, index) => index >= after && line.includes(needle)) + 1;

describe('given the notice files shipped in calendar-data/', () => {
  describe.each([2024, 2025, 2026])('when the %i file is parsed', (year) => {
    it('then it passes every rule and parses to the same record the calendar loads', () => {
      const result = parseHolidayNotice(shippedText(year));
      expect(result).toEqual({ ok: true, notice: JSON.parse(shippedText(year)) });
      expect(validateHolidayNotice(officialCalendarYears.find((record) => record.year === year)!)).toEqual([]);
    });
  });

  describe('when the 2024 file is checked against the 2013 version of the 办法', () => {
    it('then 除夕 2024-02-09 as a working day is accepted, but the same gap in 2025 is not (除夕 statutory from 2025)', () => {
      expect(validateHolidayNotice(officialCalendarYears[0]!)).toEqual([]);
      const result = parseObject({
        ...JSON.parse(shippedText(2025)),
        holidays: JSON.parse(shippedText(2025)).holidays.map((holiday: { name: string }) =>
          holiday.name === '春节' ? { name: '春节', rest: ['2025-01-29', '2025-02-04'], makeUpWorkdays: ['2025-01-26', '2025-02-08'] } : holiday,
        ),
      });
      expect(result.ok ? [] : summary(result.issues)).toEqual([['HOLIDAY_OUTSIDE_REST', 'holidays[1].rest']]);
      expect(result.ok ? '' : result.issues[0]!.message).toMatch(/春节.*2025-01-28.* \/ .*outside every rest range/);
    });
  });

  describe('when the 2026 notice is written as YAML', () => {
    const yaml = [
      '# 国务院办公厅关于2026年部分节假日安排的通知',
      'year: 2026',
      'source: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
      'documentNumber: 国办发明电〔2025〕7号',
      'publishedOn: 2025-11-04',
      'holidays:',
      '  - { name: 元旦, rest: [2026-01-01, 2026-01-03], makeUpWorkdays: [2026-01-04] }',
      '  - name: 春节',
      '    rest: [2026-02-15, 2026-02-23]',
      '    makeUpWorkdays:',
      '      - 2026-02-14',
      '      - 2026-02-28',
      '  - { name: 清明节, rest: [2026-04-04, 2026-04-06], makeUpWorkdays: [] }',
      '  - { name: 劳动节, rest: [2026-05-01, 2026-05-05], makeUpWorkdays: [2026-05-09] }',
      '  - { name: 端午节, rest: [2026-06-19, 2026-06-21], makeUpWorkdays: [] }',
      '  - { name: 中秋节, rest: [2026-09-25, 2026-09-27], makeUpWorkdays: [] }',
      '  - { name: 国庆节, rest: [2026-10-01, 2026-10-07], makeUpWorkdays: [2026-09-20, 2026-10-10] }',
    ].join('\n');

    it('then it parses to the same record as the JSON file (unquoted dates stay strings in YAML 1.2)', () => {
      expect(parseHolidayNotice(yaml)).toEqual({ ok: true, notice: notice2026() });
    });

    it('then a problem in it is reported on its line', () => {
      const broken = yaml.replace('      - 2026-02-28', '      - 2026-02-27');
      const result = parseHolidayNotice(broken);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues).toEqual([
        expect.objectContaining({ code: 'MAKEUP_NOT_WEEKEND', path: 'holidays[1].makeUpWorkdays[1]', line: 12 }),
      ]);
    });
  });
});

describe('given a notice that breaks one rule', () => {
  describe.each([
    ['a missing document number', { ...notice2026(), documentNumber: undefined }, [['INVALID_FIELD', 'documentNumber']]],
    ['an empty document number', { ...notice2026(), documentNumber: '  ' }, [['INVALID_FIELD', 'documentNumber']]],
    ['a source that is not an http(s) URL', { ...notice2026(), source: 'ftp://www.gov.cn/x' }, [['INVALID_FIELD', 'source']]],
    ['a publication date that does not exist', { ...notice2026(), publishedOn: '2025-02-30' }, [['INVALID_FIELD', 'publishedOn']]],
    ['a year given as a string', { ...notice2026(), year: '2026' }, [['INVALID_FIELD', 'year']]],
    ['a year before the 2013 version of the 办法', { ...notice2026(), year: 2013 }, [['INVALID_FIELD', 'year']]],
    ['an unknown field', { ...notice2026(), remark: 'x' }, [['INVALID_FIELD', 'remark']]],
    ['no holidays at all', { ...notice2026(), holidays: [] }, [['INVALID_FIELD', 'holidays']]],
    ['a rest range with one date', withHoliday(4, (h) => ({ ...h, rest: ['2026-06-19'] })), [['INVALID_FIELD', 'holidays[4].rest']]],
    ['a date written 2026-6-19', withHoliday(4, (h) => ({ ...h, rest: ['2026-6-19', '2026-06-21'] })), [['INVALID_FIELD', 'holidays[4].rest[0]']]],
    ['make-up days that are not a list', withHoliday(4, (h) => ({ ...h, makeUpWorkdays: '2026-06-20' })), [['INVALID_FIELD', 'holidays[4].makeUpWorkdays']]],
    ['a holiday without a name', withHoliday(4, (h) => ({ rest: h.rest, makeUpWorkdays: [] })), [['INVALID_FIELD', 'holidays[4].name']]],
    ['a rest date in the previous year', withHoliday(0, (h) => ({ ...h, rest: ['2025-12-31', '2026-01-03'] })), [['DATE_OUTSIDE_YEAR', 'holidays[0].rest[0]']]],
    [
      'a make-up day in the next year',
      withHoliday(6, (h) => ({ ...h, makeUpWorkdays: ['2026-09-20', '2027-01-09'] })),
      [['DATE_OUTSIDE_YEAR', 'holidays[6].makeUpWorkdays[1]']],
    ],
    [
      'a reversed rest range (its holiday is then not checked again)',
      withHoliday(2, (h) => ({ ...h, rest: ['2026-04-06', '2026-04-04'] })),
      [['REST_RANGE_REVERSED', 'holidays[2].rest']],
    ],
    ['two overlapping rest ranges', withHoliday(5, (h) => ({ ...h, rest: ['2026-09-25', '2026-10-01'] })), [['REST_RANGES_OVERLAP', 'holidays[6].rest']]],
    ['a make-up day on a Friday', withHoliday(3, (h) => ({ ...h, makeUpWorkdays: ['2026-05-08'] })), [['MAKEUP_NOT_WEEKEND', 'holidays[3].makeUpWorkdays[0]']]],
    [
      'a make-up Saturday inside a rest range',
      withHoliday(6, (h) => ({ ...h, makeUpWorkdays: ['2026-09-20', '2026-10-03'] })),
      [['MAKEUP_INSIDE_REST', 'holidays[6].makeUpWorkdays[1]']],
    ],
    [
      'a make-up day listed twice in one holiday',
      withHoliday(6, (h) => ({ ...h, makeUpWorkdays: ['2026-09-20', '2026-10-10', '2026-09-20'] })),
      [['DUPLICATE_DATE', 'holidays[6].makeUpWorkdays[2]']],
    ],
    [
      'a make-up day listed under two holidays',
      withHoliday(5, (h) => ({ ...h, makeUpWorkdays: ['2026-10-10'] })),
      [['DUPLICATE_DATE', 'holidays[6].makeUpWorkdays[1]']],
    ],
    ['除夕 2026-02-16 left out of 春节', withHoliday(1, (h) => ({ ...h, rest: ['2026-02-17', '2026-02-23'] })), [['HOLIDAY_OUTSIDE_REST', 'holidays[1].rest']]],
    ['2 May left out of 劳动节', withHoliday(3, (h) => ({ ...h, rest: ['2026-05-01', '2026-05-01'] })), [['HOLIDAY_OUTSIDE_REST', 'holidays[3].rest']]],
    [
      'no entry for 端午节 at all',
      { ...notice2026(), holidays: notice2026().holidays.filter((holiday) => holiday.name !== '端午节') },
      [['HOLIDAY_OUTSIDE_REST', 'holidays']],
    ],
    ['a claim to be provisional', { ...notice2026(), provisional: true }, [['PROVISIONAL_NOT_ALLOWED', 'provisional']]],
  ] as Array<[string, unknown, string[][]]>)('when it has %s', (_label, notice, expected) => {
    it('then exactly that issue is reported, with a Chinese and an English message', () => {
      const issues = issuesOf(notice);
      expect(summary(issues)).toEqual(expected);
      for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
      expect(summary(validateHolidayNotice(notice as CalendarYearRecord))).toEqual(expected);
    });
  });

  describe('when the text is not well-formed', () => {
    it.each([
      ['a stray comma', '{\n  "year": 2026,\n  "source": "https://www.gov.cn/x.htm",,\n  "holidays": []\n}', 3],
      ['a duplicate key', '{\n  "year": 2026,\n  "year": 2027\n}', 3],
      ['an unclosed YAML flow list', 'year: 2026\nholidays: [\n', 3],
    ])('then %s is a SYNTAX_ERROR on line %i', (_label, text, line) => {
      const result = parseHolidayNotice(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ code: 'SYNTAX_ERROR', path: '', line })]);
    });

    it.each([
      ['', 'an empty file'],
      ['[]', 'a list'],
      ['"2026"', 'a string'],
    ])('then %j (%s) is an INVALID_FIELD at the root', (text) => {
      const result = parseHolidayNotice(text);
      expect(result.ok ? [] : summary(result.issues)).toEqual([['INVALID_FIELD', '']]);
    });
  });
});

describe('given a notice with many problems', () => {
  const broken = {
    year: 2026,
    source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    documentNumber: '',
    publishedOn: '2025-11-04',
    provisional: true,
    holidays: [
      { name: '元旦', rest: ['2026-01-03', '2026-01-01'], makeUpWorkdays: ['2026-01-04'] },
      { name: '春节', rest: ['2026-02-15', '2026-02-23'], makeUpWorkdays: ['2026-02-14', '2026-02-18', '2026-02-14'] },
      { name: '清明节', rest: ['2026-04-04', '2026-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', rest: ['2026-05-01', '2026-05-05'], makeUpWorkdays: ['2026-05-08'] },
      { name: '端午节', rest: ['2026-06-19', '2026-06-21'], makeUpWorkdays: [], remark: '与周末连休' },
      { name: '国庆节', rest: ['2026-09-30', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2027-01-09'] },
    ],
  };
  const text = JSON.stringify(broken, null, 2);

  describe('when it is parsed', () => {
    const result = parseHolidayNotice(text);
    const issues = result.ok ? [] : result.issues;

    it('then every problem is reported at once, top to bottom', () => {
      expect(result.ok).toBe(false);
      expect(summary(issues)).toEqual(
        [
          ['INVALID_FIELD', 'documentNumber'],
          ['PROVISIONAL_NOT_ALLOWED', 'provisional'],
          ['REST_RANGE_REVERSED', 'holidays[0].rest'],
          ['MAKEUP_NOT_WEEKEND', 'holidays[1].makeUpWorkdays[1]'],
          ['MAKEUP_INSIDE_REST', 'holidays[1].makeUpWorkdays[1]'],
          ['DUPLICATE_DATE', 'holidays[1].makeUpWorkdays[2]'],
          ['MAKEUP_NOT_WEEKEND', 'holidays[3].makeUpWorkdays[0]'],
          ['INVALID_FIELD', 'holidays[4].remark'],
          ['HOLIDAY_OUTSIDE_REST', 'holidays'],
          ['DATE_OUTSIDE_YEAR', 'holidays[5].makeUpWorkdays[1]'],
        ].sort((a, b) => lineFor(a[1]!) - lineFor(b[1]!)),
      );
    });

    it('then each issue names the line of its value in the file', () => {
      const at = (code: string, where: string) => issues.find((issue) => issue.code === code && issue.path === where)?.line;
      expect(at('INVALID_FIELD', 'documentNumber')).toBe(lineOf(text, '"documentNumber"'));
      expect(at('PROVISIONAL_NOT_ALLOWED', 'provisional')).toBe(lineOf(text, '"provisional"'));
      expect(at('REST_RANGE_REVERSED', 'holidays[0].rest')).toBe(lineOf(text, '"rest"'));
      expect(at('DUPLICATE_DATE', 'holidays[1].makeUpWorkdays[2]')).toBe(lineOf(text, '"2026-02-14"', lineOf(text, '"2026-02-18"')));
      expect(at('MAKEUP_NOT_WEEKEND', 'holidays[3].makeUpWorkdays[0]')).toBe(lineOf(text, '"2026-05-08"'));
      expect(at('INVALID_FIELD', 'holidays[4].remark')).toBe(lineOf(text, '"remark"'));
      expect(at('DATE_OUTSIDE_YEAR', 'holidays[5].makeUpWorkdays[1]')).toBe(lineOf(text, '"2027-01-09"'));
      expect(at('HOLIDAY_OUTSIDE_REST', 'holidays')).toBe(lineOf(text, '"holidays"'));
      expect(issues.every((issue) => typeof issue.line === 'number')).toBe(true);
    });

    it('then the missing 中秋节 is named, and 元旦 with its reversed range is not reported twice', () => {
      const outside = issues.filter((issue) => issue.code === 'HOLIDAY_OUTSIDE_REST');
      expect(outside).toHaveLength(1);
      expect(outside[0]!.message).toMatch(/中秋节（2026-09-25）/);
    });
  });

  describe('when the same notice is validated in memory', () => {
    it('then the same issues come back, without lines', () => {
      const inMemory = validateHolidayNotice(broken as unknown as CalendarYearRecord);
      const parsed = parseHolidayNotice(text);
      expect(new Set(summary(inMemory).map(String))).toEqual(new Set(summary(parsed.ok ? [] : parsed.issues).map(String)));
      expect(inMemory.some((issue) => issue.line !== undefined)).toBe(false);
    });
  });

  /** Where the value of an issue's path starts in `text`, for the expected order (top to bottom). */
  function lineFor(where: string): number {
    const lines: Record<string, number> = {
      documentNumber: lineOf(text, '"documentNumber"'),
      provisional: lineOf(text, '"provisional"'),
      'holidays[0].rest': lineOf(text, '"rest"'),
      'holidays[1].makeUpWorkdays[1]': lineOf(text, '"2026-02-18"'),
      'holidays[1].makeUpWorkdays[2]': lineOf(text, '"2026-02-14"', lineOf(text, '"2026-02-18"')),
      'holidays[3].makeUpWorkdays[0]': lineOf(text, '"2026-05-08"'),
      'holidays[4].remark': lineOf(text, '"remark"'),
      holidays: lineOf(text, '"holidays"'),
      'holidays[5].makeUpWorkdays[1]': lineOf(text, '"2027-01-09"'),
    };
    return lines[where]!;
  }
});
