import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CachedNationalCalendar } from '../../functions/shared/national-calendar';
import type { HolidayNoticeStore } from '../../functions/calendar/domain/ports';
import { INITIAL_DATA_LOADER, listHolidayNotices, loadHolidayNotice, loadShippedNotices, noticeVersions } from '../../functions/calendar/use-cases';
import type { CalendarYearRecord } from '../../functions/domain/calendar';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { DomainError, NotFoundError, ValidationError } from '../../functions/shared/errors';
import { aClock, InMemoryHolidayNoticeStore } from '../support/fakes';

const given = (store = new InMemoryHolidayNoticeStore()) => {
  let sequence = 0;
  return { store, deps: { notices: store, clock: aClock('2026-11-24T02:00:00Z'), ids: { next: () => `EVT${String(++sequence).padStart(4, '0')}` } } };
};

const fixture2027 = readFileSync(join(__dirname, '..', 'fixtures', 'calendar-2027-test-notice.json'), 'utf8');
const notice2027 = JSON.parse(fixture2027) as CalendarYearRecord;
const shipped2026 = officialCalendarYears.find((record) => record.year === 2026) as CalendarYearRecord;

/** The error a call throws, so its code and details can be checked. */
async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error;
}

describe('given no notice loaded yet', () => {
  describe('when an operator loads the 2027 notice', () => {
    it('then it is stored as version 1 of 2027, with who loaded it, when and why, and one outbox event', async () => {
      const { store, deps } = given();
      const result = await loadHolidayNotice(deps, { text: fixture2027, by: 'ops-zhang', reason: '2027年安排公布' });
      expect(result).toEqual({ year: 2027, version: 1, previousVersion: null, documentNumber: notice2027.documentNumber, status: 'loaded' });
      expect(store.published).toEqual([
        {
          eventId: 'EVT0001',
          stored: {
            notice: notice2027,
            version: 1,
            loadedAt: '2026-11-24T02:00:00.000Z',
            loadedBy: 'ops-zhang',
            reason: '2027年安排公布',
            previousVersion: null,
          },
        },
      ]);
      expect((await store.current()).map((stored) => stored.notice.year)).toEqual([2027]);
    });
  });

  describe('when the notice has several problems', () => {
    const broken = JSON.stringify({
      ...notice2027,
      documentNumber: '',
      holidays: [
        { name: '元旦', rest: ['2027-01-03', '2027-01-01'], makeUpWorkdays: [] },
        // 2027-05-06 is a Thursday: a make-up working day must be a weekend day
        { name: '劳动节', rest: ['2027-05-01', '2027-05-05'], makeUpWorkdays: ['2027-05-06'] },
        ...notice2027.holidays.filter((holiday) => !['元旦', '劳动节'].includes(holiday.name)),
      ],
    });

    it('then every problem is listed at once with its place, in Chinese and English, and nothing is stored', async () => {
      const { store, deps } = given();
      const error = await refusal(loadHolidayNotice(deps, { text: broken, by: 'ops-zhang' }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.code).toBe('CALENDAR_NOTICE_INVALID');
      expect(error.messageZh).toMatch(/未保存/);
      expect(error.messageEn).toMatch(/nothing was stored/);
      const paths = (error.details ?? []).map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['documentNumber', 'holidays[0].rest', 'holidays[1].makeUpWorkdays[0]']));
      for (const issue of error.details ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
      expect(store.published).toEqual([]);
      expect(await store.current()).toEqual([]);
    });

    it('then a YAML file names the line of each problem', async () => {
      const { deps } = given();
      const yaml = [
        'year: 2027',
        `source: ${notice2027.source}`,
        'documentNumber: ""',
        `publishedOn: ${notice2027.publishedOn}`,
        'holidays:',
        '  - name: 元旦',
        '    rest: [2027-01-01, 2027-01-03]',
        '    makeUpWorkdays: [2027-01-06]',
      ].join('\n');
      const error = await refusal(loadHolidayNotice(deps, { text: yaml, by: 'ops-zhang' }));
      expect(error.code).toBe('CALENDAR_NOTICE_INVALID');
      expect(error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'documentNumber', line: 3 }),
          expect.objectContaining({ path: 'holidays[0].makeUpWorkdays[0]', code: 'MAKEUP_NOT_WEEKEND', line: 8 }),
        ]),
      );
    });
  });

  it('when nobody is named as the loader, then it is refused before anything is read or written', async () => {
    const { store, deps } = given();
    const error = await refusal(loadHolidayNotice(deps, { text: fixture2027, by: '  ' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(store.reads).toBe(0);
  });
});

describe('given the 2027 notice loaded as version 1', () => {
  const loaded = async () => {
    const setup = given();
    await loadHolidayNotice(setup.deps, { text: fixture2027, by: 'ops-zhang' });
    return setup;
  };

  it('when the same notice is loaded again, even with its holidays and keys in another order, then nothing is written', async () => {
    const { store, deps } = await loaded();
    const reordered = JSON.stringify({
      holidays: [...notice2027.holidays].reverse(),
      publishedOn: notice2027.publishedOn,
      documentNumber: notice2027.documentNumber,
      source: notice2027.source,
      year: 2027,
    });
    expect(await loadHolidayNotice(deps, { text: fixture2027, by: 'ops-li' })).toEqual({
      year: 2027,
      version: 1,
      documentNumber: notice2027.documentNumber,
      status: 'unchanged',
    });
    expect(await loadHolidayNotice(deps, { text: reordered, by: 'ops-li' })).toMatchObject({ version: 1, status: 'unchanged' });
    expect(store.published).toHaveLength(1);
  });

  describe('when a correction notice changes a make-up working day', () => {
    const correction = JSON.stringify({
      ...notice2027,
      documentNumber: '国办发明电〔2026〕100号',
      holidays: notice2027.holidays.map((holiday) => (holiday.name === '劳动节' ? { ...holiday, makeUpWorkdays: ['2027-04-25'] } : holiday)),
    });

    it('then it becomes version 2 and version 1 is kept as it was', async () => {
      const { store, deps } = await loaded();
      deps.clock.advanceSeconds(3600);
      const result = await loadHolidayNotice(deps, { text: correction, by: 'ops-li', reason: '更正通知' });
      expect(result).toEqual({ year: 2027, version: 2, previousVersion: 1, documentNumber: '国办发明电〔2026〕100号', status: 'corrected' });
      const versions = await noticeVersions(deps, 2027);
      expect(versions.current).toBe(2);
      expect(versions.versions.map((version) => [version.version, version.previousVersion, version.loadedBy, version.documentNumber])).toEqual([
        [2, 1, 'ops-li', '国办发明电〔2026〕100号'],
        [1, null, 'ops-zhang', notice2027.documentNumber],
      ]);
      expect(versions.versions[1]?.holidays).toEqual(notice2027.holidays);
      expect((await store.current())[0]?.version).toBe(2);
      expect(store.published.map((entry) => entry.eventId)).toEqual(['EVT0001', 'EVT0002']);
    });

    it('then of two operators loading different corrections at once, one wins and the other is told to load again', async () => {
      const { store, deps } = await loaded();
      const other = correction.replace('2027-04-25', '2027-05-08');
      const outcomes = await Promise.allSettled([
        loadHolidayNotice(deps, { text: correction, by: 'ops-li' }),
        loadHolidayNotice(deps, { text: other, by: 'ops-wang' }),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: 'CONCURRENT_UPDATE' });
      expect((await store.versions(2027)).map((stored) => stored.version)).toEqual([2, 1]);
    });
  });

  it('when the versions of a year never loaded are asked for, then it is not found', async () => {
    const { deps } = await loaded();
    const error = await refusal(noticeVersions(deps, 2031));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('CALENDAR_NOTICE_NOT_FOUND');
  });
});

describe('given the notices shipped with the software', () => {
  it('when they are loaded as initial data, then each year is version 1 by system:initial-data, and the list shows the provisional years after them', async () => {
    const { store, deps } = given();
    const results = await loadShippedNotices(deps, officialCalendarYears);
    expect(results.map((result) => [result.year, result.status])).toEqual([
      [2024, 'loaded'],
      [2025, 'loaded'],
      [2026, 'loaded'],
    ]);
    expect(store.published.every(({ stored }) => stored.loadedBy === INITIAL_DATA_LOADER && stored.version === 1)).toBe(true);
    const list = await listHolidayNotices(deps, '2026-11-24T10:00:00+08:00');
    expect(list).toMatchObject({ currentYear: 2026, lastOfficialYear: 2026, horizonEnd: 2028 });
    expect(list.years.map((year) => [year.year, year.kind])).toEqual([
      [2024, 'official'],
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
      [2028, 'provisional'],
    ]);
    expect(list.years[2]).toMatchObject({
      documentNumber: shipped2026.documentNumber,
      publishedOn: '2025-11-04',
      source: shipped2026.source,
      version: 1,
      loadedBy: INITIAL_DATA_LOADER,
    });
  });

  it('when a notice with a mistyped year (2029 after 2026) is loaded, then it is refused with the gap it would leave, among its other problems', async () => {
    const { store, deps } = given();
    await loadShippedNotices(deps, officialCalendarYears);
    const mistyped = fixture2027.replace('"year": 2027', '"year": 2029');
    const error = await refusal(loadHolidayNotice(deps, { text: mistyped, by: 'ops-zhang' }));
    expect(error.code).toBe('CALENDAR_NOTICE_INVALID');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'year', line: 2, code: 'YEAR_LEAVES_GAP', message: expect.stringContaining('2027–2028') }),
        expect.objectContaining({ code: 'DATE_OUTSIDE_YEAR' }),
      ]),
    );
    expect(store.published).toHaveLength(3);
  });

  it('when they are loaded again after an operator corrected 2026, then nothing is written and the correction stays', async () => {
    const { store, deps } = given();
    await loadShippedNotices(deps, officialCalendarYears);
    const corrected = {
      ...shipped2026,
      holidays: shipped2026.holidays.map((holiday) => (holiday.name === '劳动节' ? { ...holiday, makeUpWorkdays: ['2026-04-26'] } : holiday)),
    };
    await loadHolidayNotice(deps, { text: JSON.stringify(corrected), by: 'ops-li' });
    const again = await loadShippedNotices(deps, officialCalendarYears);
    expect(again.map((result) => [result.year, result.status, result.version])).toEqual([
      [2024, 'kept', 1],
      [2025, 'kept', 1],
      [2026, 'kept', 2],
    ]);
    expect(store.published).toHaveLength(4);
    expect((await store.current()).find((stored) => stored.notice.year === 2026)?.loadedBy).toBe('ops-li');
  });
});

describe('given the cached national calendar over the store, with a 60 s TTL', () => {
  const setUp = async () => {
    const { store, deps } = given();
    await loadShippedNotices(deps, officialCalendarYears);
    const clock = aClock('2026-11-24T02:00:00Z');
    return { store, deps, clock, calendar: new CachedNationalCalendar(store, { ttlSeconds: 60, clock }) };
  };

  it('when many functions ask at once on a cold start, then they share one read', async () => {
    const { store, calendar } = await setUp();
    const before = store.reads;
    const calendars = await Promise.all([calendar.current(), calendar.current(), calendar.current()]);
    expect(store.reads - before).toBe(1);
    expect(new Set(calendars).size).toBe(1);
  });

  it('when 2027 is loaded, then the cache serves the old calendar within the TTL and the new one after it', async () => {
    const { store, deps, clock, calendar } = await setUp();
    expect((await calendar.current()).isProvisionalYear(2027)).toBe(true);
    await loadHolidayNotice(deps, { text: fixture2027, by: 'ops-zhang' });

    clock.advanceSeconds(59);
    const reads = store.reads;
    const withinTtl = await calendar.current();
    expect(store.reads).toBe(reads);
    expect(withinTtl.isProvisionalYear(2027)).toBe(true);

    clock.advanceSeconds(2);
    const afterTtl = await calendar.current();
    expect(store.reads).toBe(reads + 1);
    expect(afterTtl.isProvisionalYear(2027)).toBe(false);
    // the notice's own days: 2027-02-20 (Saturday) is a make-up working day, 2027-02-08 (Monday) a rest day
    expect(afterTtl.isWorkingDay('2027-02-20')).toBe(true);
    expect(afterTtl.isWorkingDay('2027-02-08')).toBe(false);
  });

  it('when a fresh calendar is asked for, then it is read at once and refreshes the cache', async () => {
    const { deps, calendar } = await setUp();
    await calendar.current();
    await loadHolidayNotice(deps, { text: fixture2027, by: 'ops-zhang' });
    expect((await calendar.fresh()).isProvisionalYear(2027)).toBe(false);
    expect((await calendar.current()).isProvisionalYear(2027)).toBe(false);
  });

  it('when a read fails, then the failure is not kept and the next call reads again', async () => {
    const { store, clock } = await setUp();
    let failures = 1;
    const flaky: HolidayNoticeStore = {
      current: () => (failures-- > 0 ? Promise.reject(new Error('table unavailable')) : store.current()),
      versions: (year) => store.versions(year),
      publish: (stored, eventId) => store.publish(stored, eventId),
    };
    const calendar = new CachedNationalCalendar(flaky, { ttlSeconds: 60, clock });
    await expect(calendar.current()).rejects.toThrow('table unavailable');
    expect((await calendar.current()).officialYears()).toEqual([2024, 2025, 2026]);
  });
});
