/**
 * Working-day (工作日) calendar under the State Council holiday notices.
 *
 * Every decision uses the Asia/Shanghai calendar date (UTC+8, no daylight saving), computed with UTC
 * arithmetic only so that the process time zone never matters. Conventions: the start day never counts
 * (民法典 art. 201); a deadline is the end of the n-th working day (art. 203); suspended days are those
 * with `date(from) < d <= date(resume)`.
 */
import { officialCalendarYears } from './calendar-data';

/** One holiday of a State Council notice. */
export interface HolidayArrangement {
  readonly name: string;
  /** `[first, last]` rest dates (YYYY-MM-DD), inclusive. */
  readonly rest: readonly string[];
  /** Weekend dates the notice turns into working days (调休上班). */
  readonly makeUpWorkdays: readonly string[];
}

/** The holiday arrangements of one year, as published in one notice. */
export interface CalendarYearRecord {
  readonly year: number;
  readonly source: string;
  readonly documentNumber: string;
  readonly publishedOn: string;
  readonly holidays: readonly HolidayArrangement[];
}

/** A suspension (挂起) as `[from, resume]` instants; see the module conventions. */
export type Suspension = readonly [from: string, resume: string];

/** Thrown for any date in a year without a loaded notice: there is deliberately no Mon–Fri fallback. */
export class CalendarNotAvailable extends Error {
  override readonly name = 'CalendarNotAvailable';
  constructor(readonly year: number) {
    super(`No working-day calendar loaded for ${year} / 未加载${year}年节假日安排`);
  }
}

/** Thrown for a string that is neither a `YYYY-MM-DD` date nor an ISO 8601 instant with an offset. */
export class InvalidInstantError extends Error {
  override readonly name = 'InvalidInstantError';
  constructor(readonly input: string) {
    super(`Not a valid date or ISO 8601 instant with offset: ${JSON.stringify(input)}`);
  }
}

/** Thrown when a working-day count is not a positive integer (即办件 need no day arithmetic). */
export class InvalidWorkingDayCountError extends RangeError {
  override readonly name = 'InvalidWorkingDayCountError';
  constructor(readonly count: number) {
    super(`Working-day count must be a positive integer, got ${count}`);
  }
}

/** Thrown for a suspension that resumes before it starts, or for malformed calendar data. */
export class InvalidCalendarInputError extends Error {
  override readonly name = 'InvalidCalendarInputError';
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Days since 1970-01-01 of a valid proleptic Gregorian date, or undefined when the date does not exist. */
function dayNumberOfParts(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(ms);
  const exists =
    roundTrip.getUTCFullYear() === year && roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day;
  return exists ? ms / DAY_MS : undefined;
}

function dayNumberOfYmd(ymd: string): number {
  const match = DATE_ONLY.exec(ymd);
  const dayNumber = match ? dayNumberOfParts(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (dayNumber === undefined) throw new InvalidInstantError(ymd);
  return dayNumber;
}

function ymdOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Epoch milliseconds of an ISO 8601 instant with `Z` or a numeric offset.
 * A bare `YYYY-MM-DD` is read as the start of that day in Shanghai; a local time without offset is rejected
 * because its meaning would depend on the process time zone.
 */
export function epochMillis(iso: string): number {
  if (DATE_ONLY.test(iso)) return dayNumberOfYmd(iso) * DAY_MS - SHANGHAI_OFFSET_MS;

  const match = INSTANT.exec(iso);
  if (!match) throw new InvalidInstantError(iso);
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zulu, sign, offsetHour, offsetMinute] =
    match;
  const dayNumber = dayNumberOfParts(Number(year), Number(month), Number(day));
  const offsetMinutes = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute));
  if (
    dayNumber === undefined ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    Number(offsetMinute ?? 0) > 59 ||
    Math.abs(offsetMinutes) > 18 * 60
  ) {
    throw new InvalidInstantError(iso);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return (
    dayNumber * DAY_MS +
    ((Number(hour) * 60 + Number(minute) - offsetMinutes) * 60 + Number(second)) * 1000 +
    millis
  );
}

function shanghaiDayNumber(iso: string): number {
  return Math.floor((epochMillis(iso) + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant given with any offset. */
export function shanghaiDate(iso: string): string {
  return ymdOfDayNumber(shanghaiDayNumber(iso));
}

/** Epoch milliseconds at 00:00 Shanghai time of a date. */
/** The deadline instant of a Shanghai date: its last second, `YYYY-MM-DDT23:59:59+08:00`. */
export function endOfShanghaiDay(ymd: string): string {
  return `${ymd}T23:59:59+08:00`;
}

export function startOfShanghaiDayMillis(ymd: string): number {
  return dayNumberOfYmd(ymd) * DAY_MS - SHANGHAI_OFFSET_MS;
}

function assertPositiveCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new InvalidWorkingDayCountError(n);
}

/** Half-open day-number ranges `(from, resume]` that do not count. */
function suspendedRanges(suspensions: readonly Suspension[]): ReadonlyArray<readonly [number, number]> {
  return suspensions.map(([from, resume]) => {
    const range = [shanghaiDayNumber(from), shanghaiDayNumber(resume)] as const;
    if (range[1] < range[0]) {
      throw new InvalidCalendarInputError(`Suspension resumes (${resume}) before it starts (${from})`);
    }
    return range;
  });
}

type DayKind = 'rest' | 'makeUpWorkday';

/** The day classification shared by a national calendar and its tenant variants. */
interface CalendarTable {
  readonly years: ReadonlySet<number>;
  readonly kinds: ReadonlyMap<number, DayKind>;
}

function buildTable(records: readonly CalendarYearRecord[]): CalendarTable {
  const years = new Set<number>();
  const kinds = new Map<number, DayKind>();
  const mark = (dayNumber: number, kind: DayKind, year: number): void => {
    if (kinds.has(dayNumber)) {
      throw new InvalidCalendarInputError(`${year}: ${ymdOfDayNumber(dayNumber)} is listed twice`);
    }
    kinds.set(dayNumber, kind);
  };
  for (const record of records) {
    if (years.has(record.year)) throw new InvalidCalendarInputError(`Year ${record.year} is loaded twice`);
    years.add(record.year);
    for (const holiday of record.holidays) {
      const [first, last, ...extra] = holiday.rest.map(dayNumberOfYmd);
      if (first === undefined || last === undefined || extra.length > 0 || last < first) {
        throw new InvalidCalendarInputError(`${record.year} ${holiday.name}: rest must be [first, last]`);
      }
      for (let day = first; day <= last; day++) mark(day, 'rest', record.year);
      for (const ymd of holiday.makeUpWorkdays) {
        const day = dayNumberOfYmd(ymd);
        // Every notice so far only swaps weekend days; anything else is a data-entry slip.
        if (!isWeekend(day)) throw new InvalidCalendarInputError(`${record.year}: make-up day ${ymd} is not a weekend`);
        mark(day, 'makeUpWorkday', record.year);
      }
    }
  }
  return { years, kinds };
}

/**
 * A working-day calendar built from notice records, optionally with one tenant's local closures
 * (dates that are not working days there, e.g. a county-declared closure).
 */
export class WorkingCalendar {
  private readonly closures: ReadonlySet<number>;

  private constructor(
    private readonly table: CalendarTable,
    extraClosures: Iterable<string>,
  ) {
    this.closures = new Set([...extraClosures].map(dayNumberOfYmd));
  }

  /** Validates the records (malformed data throws `InvalidCalendarInputError`) and builds the calendar. */
  static fromRecords(records: readonly CalendarYearRecord[], extraClosures: Iterable<string> = []): WorkingCalendar {
    return new WorkingCalendar(buildTable(records), extraClosures);
  }

  /** The same notice data with a tenant's local closures instead of this calendar's. */
  withExtraClosures(extraClosures: Iterable<string>): WorkingCalendar {
    return new WorkingCalendar(this.table, extraClosures);
  }

  /** Years with a loaded notice, ascending. */
  loadedYears(): number[] {
    return [...this.table.years].sort((a, b) => a - b);
  }

  /** Whether a Shanghai date (`YYYY-MM-DD`) is a working day. Throws `CalendarNotAvailable` outside loaded years. */
  isWorkingDay(dateYmd: string): boolean {
    return this.isWorkingDayNumber(dayNumberOfYmd(dateYmd));
  }

  /**
   * End of the n-th working day strictly after the Shanghai date of `startIso`, skipping suspended days.
   * @returns `YYYY-MM-DDT23:59:59+08:00`
   */
  addWorkingDays(startIso: string, n: number, suspensions: readonly Suspension[] = []): string {
    assertPositiveCount(n);
    const suspended = suspendedRanges(suspensions);
    let day = shanghaiDayNumber(startIso);
    this.assertCovered(day);
    for (let counted = 0; counted < n; ) {
      day++;
      if (this.countsAsWorkingDay(day, suspended)) counted++;
    }
    return `${ymdOfDayNumber(day)}T23:59:59+08:00`;
  }

  /**
   * Working days `d` with `date(a) < d <= date(b)`, skipping suspended days; negative when `b` is before `a`.
   * Inverse of `addWorkingDays`: `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(aIso: string, bIso: string, suspensions: readonly Suspension[] = []): number {
    const suspended = suspendedRanges(suspensions);
    const from = shanghaiDayNumber(aIso);
    const to = shanghaiDayNumber(bIso);
    this.assertCovered(from);
    this.assertCovered(to);
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) {
      if (this.countsAsWorkingDay(day, suspended)) count++;
    }
    return sign * count;
  }

  private countsAsWorkingDay(day: number, suspended: ReadonlyArray<readonly [number, number]>): boolean {
    return this.isWorkingDayNumber(day) && !suspended.some(([from, resume]) => from < day && day <= resume);
  }

  private isWorkingDayNumber(day: number): boolean {
    this.assertCovered(day);
    if (this.closures.has(day)) return false;
    const kind = this.table.kinds.get(day);
    if (kind !== undefined) return kind === 'makeUpWorkday';
    return !isWeekend(day);
  }

  private assertCovered(day: number): void {
    const year = yearOfDayNumber(day);
    if (!this.table.years.has(year)) throw new CalendarNotAvailable(year);
  }
}

/** The national calendar from `calendar-data/`, without local closures. */
export const nationalCalendar = WorkingCalendar.fromRecords(officialCalendarYears);

/** {@link WorkingCalendar.addWorkingDays} on the national calendar. */
export function addWorkingDays(startIso: string, n: number, suspensions?: readonly Suspension[]): string {
  return nationalCalendar.addWorkingDays(startIso, n, suspensions);
}

/** {@link WorkingCalendar.workingDaysBetween} on the national calendar. */
export function workingDaysBetween(aIso: string, bIso: string, suspensions?: readonly Suspension[]): number {
  return nationalCalendar.workingDaysBetween(aIso, bIso, suspensions);
}

/** Whether a Shanghai date is a working day nationally and not one of `extraClosures` (a tenant's local closures). */
export function isWorkingDay(dateYmd: string, extraClosures: Iterable<string> = []): boolean {
  return nationalCalendar.withExtraClosures(extraClosures).isWorkingDay(dateYmd);
}

/** Years with a loaded national notice, ascending (for the operations check). */
export function loadedYears(): number[] {
  return nationalCalendar.loadedYears();
}
