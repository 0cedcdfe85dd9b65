import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantProfile } from '../../functions/catalogue/domain/service-item';
import { parseTenantConfigText } from '../../functions/catalogue/domain/tenant-config/index';
import { type CalendarYearRecord, nationalCalendar, nationalCalendarFrom, type WorkingCalendar } from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { calendarWarning, officialCalendarStatus } from '../../functions/domain/calendar-warning';
import { getDashboard } from '../../functions/supervision/use-cases';
import { staffContext } from '../support/request-context';

/** A 2027 notice as `npm run calendar:load` would store it (test data: only 元旦, enough to make 2027 official). */
const notice2027: CalendarYearRecord = {
  year: 2027,
  source: 'test',
  documentNumber: '测试〔2026〕1号',
  publishedOn: '2026-11-05',
  holidays: [{ name: '元旦', rest: ['2027-01-01', '2027-01-03'], makeUpWorkdays: [] }],
};
const with2027 = nationalCalendarFrom([...officialCalendarYears, notice2027]);

describe('given the shipped notices (2024–2026 official, 2027–2028 provisional)', () => {
  it('when it is 2026-10-31, 61 days before the official calendar ends, then there is no warning yet, but the days left are known', () => {
    expect(calendarWarning(nationalCalendar, '2026-10-31T12:00:00+08:00')).toBeUndefined();
    expect(officialCalendarStatus(nationalCalendar, '2026-10-31T12:00:00+08:00')).toEqual({
      lastOfficialYear: 2026,
      officialUntil: '2026-12-31',
      daysLeft: 61,
      provisionalUntil: '2028-12-31',
    });
  });

  it('when it is 2026-11-01, 60 days before, then the notice for 2027 is due, in Chinese and English, naming the command', () => {
    const warning = calendarWarning(nationalCalendar, '2026-11-01T09:00:00+08:00');
    expect(warning).toEqual({
      code: 'CALENDAR_NOTICE_DUE',
      lastOfficialYear: 2026,
      officialUntil: '2026-12-31',
      daysLeft: 60,
      provisionalUntil: '2028-12-31',
      message: expect.stringMatching(
        /^2027年国务院办公厅节假日安排尚未加载：正式工作日历截至 2026-12-31（还剩 60 天），其后至 2028-12-31 的期限按法定节假日暂算。.*npm run calendar:load.* \/ The State Council holiday notice for 2027 is not loaded.*npm run calendar:load/,
      ),
    });
  });

  it('then the day is the Shanghai date of the instant: 16:00 UTC on 31 October is already 1 November', () => {
    expect(calendarWarning(nationalCalendar, '2026-10-31T15:59:59Z')).toBeUndefined();
    expect(calendarWarning(nationalCalendar, '2026-10-31T16:00:00Z')?.daysLeft).toBe(60);
  });

  it('when it is the last day of the official year, then 0 days are left', () => {
    expect(calendarWarning(nationalCalendar, '2026-12-31T23:00:00+08:00')?.daysLeft).toBe(0);
  });

  it('when the official year has already ended, then the warning stays, with negative days left', () => {
    const warning = calendarWarning(nationalCalendar, '2027-01-15T10:00:00+08:00');
    expect(warning).toMatchObject({ lastOfficialYear: 2026, daysLeft: -15 });
    expect(warning?.message).toContain('已过 15 天');
    expect(warning?.message).toContain('15 days ago');
  });
});

describe('given the 2027 notice is loaded', () => {
  it('when it is 2026-11-23 or 2027-01-15, then there is no warning: 2027 is official and the next one is due only in November 2027', () => {
    expect(calendarWarning(with2027, '2026-11-23T10:00:00+08:00')).toBeUndefined();
    expect(calendarWarning(with2027, '2027-01-15T10:00:00+08:00')).toBeUndefined();
  });

  it('when it is 2027-11-01, then the 2028 notice is due, and the provisional years have moved on', () => {
    expect(calendarWarning(with2027, '2027-11-01T10:00:00+08:00')).toMatchObject({
      lastOfficialYear: 2027,
      officialUntil: '2027-12-31',
      daysLeft: 60,
      provisionalUntil: '2029-12-31',
    });
  });
});

describe('given a calendar without provisional years', () => {
  it('when the notice is due, then the warning says later deadlines cannot be counted at all', () => {
    const warning = calendarWarning(nationalCalendarFrom(officialCalendarYears, 0), '2026-12-01T10:00:00+08:00');
    expect(warning).toMatchObject({ provisionalUntil: null, daysLeft: 30 });
    expect(warning?.message).toContain('其后的期限无法计算');
    expect(warning?.message).toContain('deadlines after it cannot be counted');
  });
});

describe('given the supervision dashboard', () => {
  const parsed = parseTenantConfigText(readFileSync(join(__dirname, '..', '..', 'config', 'tenants', '522732.yaml'), 'utf8'), '522732.yaml');
  if (!parsed.ok) throw new Error('config/tenants/522732.yaml does not parse');
  const { items, $schema: _schema, ...rest } = parsed.config;
  const profile: TenantProfile = { ...rest, itemCodes: items.map((item) => item.code) };
  const emptyRead = { rows: [], itemsRead: 0, readCapacityUnits: 0 };
  const dashboardAt = (now: string, calendar: WorkingCalendar) =>
    getDashboard(
      {
        tenants: {
          profile: async (tenantId) => (tenantId === '522732' ? profile : undefined),
        },
        counters: { facts: async () => ({ version: 0 }), apply: async () => 'applied', readPeriod: async () => emptyRead, readStaff: async () => emptyRead },
        clock: { now: () => new Date(now) },
        calendar: { current: async () => calendar, fresh: async () => calendar },
      },
      staffContext('522732', { staffId: 'JC-001', role: 'supervisor' }),
      { window: 'day', level: 'county' },
    );

  it('when the next notice is due, then it carries the calendar warning', async () => {
    expect((await dashboardAt('2026-11-23T02:00:00Z', nationalCalendar)).calendarWarning).toMatchObject({
      code: 'CALENDAR_NOTICE_DUE',
      lastOfficialYear: 2026,
      daysLeft: 38,
    });
  });

  it('when the notice is not due yet, or has been loaded, then it carries none', async () => {
    expect(await dashboardAt('2026-10-01T02:00:00Z', nationalCalendar)).not.toHaveProperty('calendarWarning');
    expect(await dashboardAt('2026-11-23T02:00:00Z', with2027)).not.toHaveProperty('calendarWarning');
  });
});
