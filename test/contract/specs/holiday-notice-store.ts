import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HolidayNoticeStore, StoredNotice } from '../../../functions/calendar/domain/ports';
import type { CalendarYearRecord } from '../../../functions/domain/calendar';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { newId } from '../support/builders';

const notice2027 = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'calendar-2027-test-notice.json'), 'utf8')) as CalendarYearRecord;

const aLoad = (version: number, previousVersion: number | null, overrides: Partial<StoredNotice> = {}): StoredNotice => ({
  notice: { ...notice2027, documentNumber: `${notice2027.documentNumber}-v${version}` },
  version,
  loadedAt: `2026-11-2${version}T02:00:00.000Z`,
  loadedBy: 'ops-zhang',
  previousVersion,
  ...overrides,
});

/**
 * What the calendar use cases and the national calendar cache rely on of a HolidayNoticeStore: each
 * load an immutable version, the year's current one moving only from the version a load was based on
 * (a lost race is CONCURRENT_UPDATE and writes nothing), every version of a year listed newest first.
 */
export function describeHolidayNoticeStoreContract(name: string, make: () => Promise<HolidayNoticeStore>): void {
  describe(`given the ${name} holiday notice store`, () => {
    it('when a year is loaded and then corrected, then the correction is current and both versions are listed, newest first', async () => {
      const store = await make();
      expect(await store.current()).toEqual([]);
      await store.publish(aLoad(1, null, { reason: '2027年安排公布' }), newId());
      expect(await store.current()).toEqual([aLoad(1, null, { reason: '2027年安排公布' })]);
      await store.publish(aLoad(2, 1), newId());
      expect(await store.current()).toEqual([aLoad(2, 1)]);
      expect(await store.versions(2027)).toEqual([aLoad(2, 1), aLoad(1, null, { reason: '2027年安排公布' })]);
    });

    it('when a load based on an older version arrives (a lost race), then it fails with CONCURRENT_UPDATE and writes nothing', async () => {
      const store = await make();
      await store.publish(aLoad(1, null), newId());
      await store.publish(aLoad(2, 1), newId());
      const late: unknown = await store.publish(aLoad(2, 1, { loadedBy: 'ops-li' }), newId()).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(InvalidTransitionError);
      expect(late).toMatchObject({ code: 'CONCURRENT_UPDATE' });
      await expect(store.publish(aLoad(1, null, { loadedBy: 'ops-li' }), newId())).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
      expect(await store.versions(2027)).toEqual([aLoad(2, 1), aLoad(1, null)]);
      expect(await store.current()).toEqual([aLoad(2, 1)]);
    });

    it('when several years are loaded, then the current notices come by year, and a year never loaded has no versions', async () => {
      const store = await make();
      const notice2028 = { ...notice2027, year: 2028, documentNumber: '国办发明电〔2027〕1号', holidays: [] } as CalendarYearRecord;
      await store.publish(aLoad(1, null, { notice: notice2028 }), newId());
      await store.publish(aLoad(1, null), newId());
      expect((await store.current()).map((stored) => stored.notice.year)).toEqual([2027, 2028]);
      expect(await store.versions(2029)).toEqual([]);
    });
  });
}
