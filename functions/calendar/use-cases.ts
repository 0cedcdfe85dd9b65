import { type CalendarYearRecord, nationalCalendarFrom, shanghaiDate } from '../domain/calendar';
import { type NoticeIssue, parseHolidayNotice } from '../domain/holiday-notice';
import { HOLIDAY_MEASURES_SOURCE } from '../domain/provisional-calendar';
import { PROVISIONAL_NOTE, PROVISIONAL_NOTE_EN } from '../domain/provisional-note';
import { NotFoundError, ValidationError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { yearGapIssue } from './domain/notice-sequence';
import type { HolidayNoticeStore, StoredNotice } from './domain/ports';

export interface CalendarDependencies {
  readonly notices: HolidayNoticeStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type LoadNoticeResult =
  | { readonly year: number; readonly version: number; readonly documentNumber: string; readonly status: 'unchanged' }
  | {
      readonly year: number;
      readonly version: number;
      readonly documentNumber: string;
      readonly previousVersion: number | null;
      readonly status: 'loaded' | 'corrected';
    };

/** Who the notices shipped with the software are loaded by, on `npm start` and on `cdk deploy`. */
export const INITIAL_DATA_LOADER = 'system:initial-data';

const noticeNotFound = (year: number) => new NotFoundError({ zh: '节假日安排', en: 'Holiday notice', code: 'CALENDAR_NOTICE_NOT_FOUND' }, String(year));

function invalidNotice(issues: readonly NoticeIssue[]): ValidationError {
  return new ValidationError(
    `节假日安排文件有 ${issues.length} 处问题，未保存任何内容`,
    `The holiday notice has ${issues.length} problem(s); nothing was stored`,
    issues,
    'CALENDAR_NOTICE_INVALID',
  );
}

/** The record with holidays in date order and make-up days sorted: a file that only reorders them is the same notice. */
function canonical(record: CalendarYearRecord): string {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  };
  const holidays = [...record.holidays]
    .map((holiday) => ({ ...holiday, makeUpWorkdays: [...holiday.makeUpWorkdays].sort() }))
    .sort((a, b) => String(a.rest[0]).localeCompare(String(b.rest[0])) || a.name.localeCompare(b.name));
  return JSON.stringify(sortKeys({ ...record, holidays }));
}

/**
 * Primary course: an operator loads one year's official notice (JSON or YAML text). Every problem is
 * reported at once and nothing is stored when there is one. The same notice as the year's current
 * version changes nothing; anything else becomes the year's next version (a correction keeps the
 * earlier one), stored with its audit record and outbox event in one write.
 */
export async function loadHolidayNotice(deps: CalendarDependencies, input: { text: string; by: string; reason?: string }): Promise<LoadNoticeResult> {
  const by = input.by.trim();
  if (by === '') throw new ValidationError('须注明加载人', 'Who loads the notice must be given', [{ path: 'by', message: 'required' }]);
  const parsed = parseHolidayNotice(input.text);
  const current = await deps.notices.current();
  const gap = yearGapIssue(input.text, current.at(-1)?.notice.year);
  const issues = [...(parsed.ok ? [] : parsed.issues), ...(gap ? [gap] : [])].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!parsed.ok || issues.length > 0) throw invalidNotice(issues);
  const notice: CalendarYearRecord = parsed.notice;

  const existing = current.find((stored) => stored.notice.year === notice.year);
  if (existing && canonical(existing.notice) === canonical(notice)) {
    return { year: notice.year, version: existing.version, documentNumber: notice.documentNumber, status: 'unchanged' };
  }

  const previousVersion = existing?.version ?? null;
  const stored: StoredNotice = {
    notice,
    version: (previousVersion ?? 0) + 1,
    loadedAt: deps.clock.now().toISOString(),
    loadedBy: by,
    ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
    previousVersion,
  };
  await deps.notices.publish(stored, deps.ids.next());
  return {
    year: notice.year,
    version: stored.version,
    documentNumber: notice.documentNumber,
    previousVersion,
    status: previousVersion === null ? 'loaded' : 'corrected',
  };
}

/**
 * Initial data: the notices shipped with the software are loaded through the same use case, but only
 * for years that have none yet. A year already loaded is kept as it is, so a correction an operator
 * loaded is never turned back by a restart or a deploy, and starting again publishes nothing.
 */
export async function loadShippedNotices(
  deps: CalendarDependencies,
  shipped: readonly CalendarYearRecord[],
): Promise<(LoadNoticeResult | { readonly year: number; readonly version: number; readonly status: 'kept' })[]> {
  const loaded = new Map((await deps.notices.current()).map((stored) => [stored.notice.year, stored.version]));
  const results = [];
  for (const record of shipped) {
    const version = loaded.get(record.year);
    if (version !== undefined) results.push({ year: record.year, version, status: 'kept' as const });
    else
      results.push(
        await loadHolidayNotice(deps, {
          text: JSON.stringify(record),
          by: INITIAL_DATA_LOADER,
          reason: '随软件发布的节假日安排 / notice shipped with the software',
        }),
      );
  }
  return results;
}

/**
 * Public read: every year the national calendar covers now, official (with its notice and who loaded which
 * version when) or provisional (derived from the holiday law until the notice is loaded).
 */
export async function listHolidayNotices(deps: Pick<CalendarDependencies, 'notices'>, now: string) {
  const current = await deps.notices.current();
  const calendar = nationalCalendarFrom(current.map((stored) => stored.notice));
  const official = current.map((stored) => ({
    year: stored.notice.year,
    kind: 'official' as const,
    documentNumber: stored.notice.documentNumber,
    publishedOn: stored.notice.publishedOn,
    source: stored.notice.source,
    version: stored.version,
    loadedAt: stored.loadedAt,
    loadedBy: stored.loadedBy,
  }));
  const provisional = calendar
    .provisionalYears()
    .map((year) => ({ year, kind: 'provisional' as const, source: HOLIDAY_MEASURES_SOURCE, note: PROVISIONAL_NOTE, noteEn: PROVISIONAL_NOTE_EN }));
  const years = [...official, ...provisional].sort((a, b) => a.year - b.year);
  return {
    asOf: now,
    currentYear: Number(shanghaiDate(now).slice(0, 4)),
    lastOfficialYear: official.at(-1)?.year ?? null,
    horizonEnd: years.at(-1)?.year ?? null,
    years,
  };
}

/** Every loaded version of one year's notice, newest first; the newest is the one in force. */
export async function noticeVersions(deps: Pick<CalendarDependencies, 'notices'>, year: number) {
  const versions = await deps.notices.versions(year);
  const newest = versions[0];
  if (!newest) throw noticeNotFound(year);
  return {
    year,
    current: newest.version,
    versions: versions.map((stored) => ({
      version: stored.version,
      previousVersion: stored.previousVersion,
      loadedAt: stored.loadedAt,
      loadedBy: stored.loadedBy,
      ...(stored.reason !== undefined ? { reason: stored.reason } : {}),
      ...stored.notice,
    })),
  };
}
