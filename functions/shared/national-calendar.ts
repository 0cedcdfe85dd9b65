import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CalendarYearRecord, nationalCalendarFrom, type WorkingCalendar } from '../domain/calendar';
import type { NationalCalendarSource } from '../kernel/calendar-access';
import { dynamoDocuments, requiredEnvironment } from './clients';
import { environmentNames } from './environment-names';
import { type Clock, systemClock } from './runtime';
import { calendarNoticeEntity } from './table/calendar';
import { queryAll } from './table/reads';

/** How long a function keeps the calendar before reading the notices again: how soon a load is seen. */
export const CALENDAR_CACHE_TTL_VARIABLE = environmentNames.calendarCacheTtlSeconds;
const DEFAULT_TTL_SECONDS = 60;

/** The TTL from the environment; a value that is not a non-negative number is a deployment slip, refused loudly. */
export function calendarCacheTtlSeconds(environment: NodeJS.ProcessEnv = process.env): number {
  const raw = environment[CALENDAR_CACHE_TTL_VARIABLE];
  if (raw === undefined || raw === '') return DEFAULT_TTL_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`${CALENDAR_CACHE_TTL_VARIABLE} must be a non-negative number of seconds, got ${JSON.stringify(raw)}`);
  return seconds;
}

/** Port: the current version of every loaded year's notice (the calendar context's notice store is one). */
export interface CurrentNotices {
  current(): Promise<readonly { readonly notice: CalendarYearRecord }[]>;
}

/** The current notices as every function reads them: one strongly consistent Query of the national calendar partition. */
export class TableCurrentNotices implements CurrentNotices {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async current(): Promise<{ notice: CalendarYearRecord }[]> {
    const { items } = await queryAll(this.documents, { TableName: this.tableName, ...calendarNoticeEntity.current() });
    return items.map((item) => ({ notice: calendarNoticeEntity.noticeOf(item) })).sort((a, b) => a.notice.year - b.notice.year);
  }
}

interface Cached {
  readonly calendar: WorkingCalendar;
  /** Clock time at which the read started: the data is at least that fresh. */
  readonly readAtMs: number;
}

/**
 * The national calendar for one process (a warm Lambda, or the whole local platform): built from the
 * current notices, kept for the TTL, so a notice loaded without a redeploy reaches every function within
 * the TTL. Concurrent callers share one read; a failed read is not kept, so the next call tries again.
 */
export class CachedNationalCalendar implements NationalCalendarSource {
  private cached: Cached | undefined;
  private pending: { readonly read: Promise<WorkingCalendar>; readonly fresh: boolean } | undefined;
  private readonly ttlMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly notices: CurrentNotices,
    options: { readonly ttlSeconds?: number; readonly clock?: Clock } = {},
  ) {
    this.ttlMs = (options.ttlSeconds ?? calendarCacheTtlSeconds()) * 1000;
    this.clock = options.clock ?? systemClock;
  }

  current(): Promise<WorkingCalendar> {
    if (this.cached && this.clock.now().getTime() - this.cached.readAtMs < this.ttlMs) return Promise.resolve(this.cached.calendar);
    return this.pending?.read ?? this.read(false);
  }

  fresh(): Promise<WorkingCalendar> {
    // a read already under way may have started before the caller's change; only a fresh one is certain to see it
    return this.pending?.fresh ? this.pending.read : this.read(true);
  }

  private read(fresh: boolean): Promise<WorkingCalendar> {
    const readAtMs = this.clock.now().getTime();
    const read = this.notices.current().then((stored) => {
      const calendar = nationalCalendarFrom(stored.map((entry) => entry.notice));
      // an older read finishing after a newer one must not put the older calendar back
      if (!this.cached || this.cached.readAtMs <= readAtMs) this.cached = { calendar, readAtMs };
      return calendar;
    });
    const pending = { read, fresh };
    this.pending = pending;
    const settle = () => {
      if (this.pending === pending) this.pending = undefined;
    };
    read.then(settle, settle);
    return read;
  }
}

let source: NationalCalendarSource | undefined;

/**
 * The one national calendar of this process, for every context's use cases: one cache per process, so a
 * loaded notice is seen everywhere within the same TTL (locally, every function shares the process).
 */
export const nationalCalendarSource = (): NationalCalendarSource =>
  (source ??= new CachedNationalCalendar(new TableCurrentNotices(dynamoDocuments, requiredEnvironment(environmentNames.tableName))));
