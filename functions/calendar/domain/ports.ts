import type { CalendarYearRecord } from '../../domain/calendar';

/**
 * One loaded version of a year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知).
 * Versions are immutable: a correction notice becomes the next version and the earlier one is kept.
 */
export interface StoredNotice {
  readonly notice: CalendarYearRecord;
  /** 1, 2, … per year. */
  readonly version: number;
  readonly loadedAt: string;
  /** Who loaded it: an operator, or `system:initial-data` for the notices shipped with the software. */
  readonly loadedBy: string;
  readonly reason?: string;
  /** The version this one replaced as the year's current notice; null for the year's first. */
  readonly previousVersion: number | null;
}

/** Port: the national holiday notices, stored once for every county (the national level, `000000`). */
export interface HolidayNoticeStore {
  /** The current version of every loaded year, ascending by year. */
  current(): Promise<StoredNotice[]>;
  /** Every version of one year, newest first; empty when the year was never loaded. */
  versions(year: number): Promise<StoredNotice[]>;
  /**
   * Stores a new version, makes it the year's current one and records the load in the audit trail and
   * the outbox, all at once. Only while the year's current version is still `stored.previousVersion`:
   * a concurrent load that won throws `InvalidTransitionError` `CONCURRENT_UPDATE`, and nothing is written.
   */
  publish(stored: StoredNotice, eventId: string): Promise<void>;
}
