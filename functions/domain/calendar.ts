/**
 * Working-day (工作日) calendar under the State Council holiday notices.
 *
 * Every decision uses the Asia/Shanghai calendar date (UTC+8, no daylight saving), computed with UTC
 * arithmetic only so that the process time zone never matters. Conventions: the start day never counts
 * (民法典 art. 201); a deadline is the end of the n-th working day (art. 203); suspended days are those
 * with `date(from) < d <= date(resume)`.
 *
 * Years after the last official notice are covered, up to a horizon, by provisional records derived from
 * 《全国年节及纪念日放假办法》 (see `provisional-calendar.ts`); a deadline that runs over such a day is marked
 * provisional. Beyond the horizon every date throws `CalendarNotAvailable`.
 */
import { officialCalendarYears } from './calendar-data';
import { provisionalYearRecord } from './provisional-calendar';

/** One holiday of a State Council notice. */
export interface HolidayArrangement {
  readonly name: string;
  /** `[first, last]` rest dates (YYYY-MM-DD), inclusive. */
  readonly rest: readonly string[];
  /** Weekend dates the notice turns into working days (调休上班). */
  readonly makeUpWorkdays: readonly string[];
}

/** The holiday arrangements of one year, as published in one notice, or derived provisionally. */
export interface CalendarYearRecord {
  readonly year: number;
  readonly source: string;
  readonly documentNumber: string;
  readonly publishedOn: string;
  readonly holidays: readonly HolidayArrangement[];
  /** Set on a record derived from the 办法 for a year without a notice; never on an official notice. */
  readonly provisional?: true;
}

/** A deadline instant, marked when any day it was counted over lies in a provisional year. */
export interface Deadline {
  /** `YYYY-MM-DDT23:59:59+08:00` */
  readonly deadline: string;
  readonly provisional?: true;
}

/** A suspension (挂起) as `[from, resume]` instants; see the module conventions. */
export type Suspension = readonly [from: string, resume: string];

/** Thrown for any date in a year neither loaded nor provisional: there is deliberately no Mon–Fri fallback. */
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
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Days since 1970-01-01 of a valid proleptic Gregorian date, or undefined when the date does not exist. */
function dayNumberOfParts(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(ms);
  const exists = roundTrip.getUTCFullYear() === year && roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day;
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
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zulu, sign, offsetHour, offsetMinute] = match;
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
  return dayNumber * DAY_MS + ((Number(hour) * 60 + Number(minute) - offsetMinutes) * 60 + Number(second)) * 1000 + millis;
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
  /** Every covered year, official or provisional. */
  readonly years: ReadonlySet<number>;
  /** The covered years whose record is provisional. */
  readonly provisionalYears: ReadonlySet<number>;
  readonly kinds: ReadonlyMap<number, DayKind>;
}

function buildTable(records: readonly CalendarYearRecord[]): CalendarTable {
  const years = new Set<number>();
  const provisionalYears = new Set<number>();
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
    if (record.provisional === true) provisionalYears.add(record.year);
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
  return { years, provisionalYears, kinds };
}

const ascending = (years: Iterable<number>): number[] => [...years].sort((a, b) => a - b);

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

  /**
   * Years with a loaded official notice, ascending: the same as {@link officialYears}. Provisional years are not
   * "loaded"; {@link coveredYears} lists every year the calendar answers for.
   */
  loadedYears(): number[] {
    return this.officialYears();
  }

  /** Years with an official notice, ascending. */
  officialYears(): number[] {
    return ascending([...this.table.years].filter((year) => !this.table.provisionalYears.has(year)));
  }

  /** Years covered only by a provisional record, ascending. */
  provisionalYears(): number[] {
    return ascending(this.table.provisionalYears);
  }

  /** Every year the calendar answers for (official and provisional), ascending. */
  coveredYears(): number[] {
    return ascending(this.table.years);
  }

  /** Whether `year` is covered by a provisional record (false for official and for uncovered years). */
  isProvisionalYear(year: number): boolean {
    return this.table.provisionalYears.has(year);
  }

  /**
   * Whether any Shanghai date `d` with `date(start) < d <= date(end)` lies in a provisional year: the days
   * `workingDaysBetween(start, end)` and a deadline from `start` to `end` are counted over. When `end` is before
   * `start` the two are swapped, as `workingDaysBetween` does. Never throws `CalendarNotAvailable`.
   */
  countsProvisionalDay(startIso: string, endIso: string): boolean {
    const a = shanghaiDayNumber(startIso);
    const b = shanghaiDayNumber(endIso);
    const [low, high] = a <= b ? [a + 1, b] : [b + 1, a];
    if (low > high) return false;
    for (let year = yearOfDayNumber(low); year <= yearOfDayNumber(high); year++) {
      if (this.table.provisionalYears.has(year)) return true;
    }
    return false;
  }

  /**
   * {@link addWorkingDays} with the mark `provisional: true` when the count ran over a day of a provisional year.
   * Such a deadline is to be recomputed once the official notice for that year is loaded.
   */
  deadline(startIso: string, n: number, suspensions: readonly Suspension[] = []): Deadline {
    const deadline = this.addWorkingDays(startIso, n, suspensions);
    return this.countsProvisionalDay(startIso, deadline) ? { deadline, provisional: true } : { deadline };
  }

  /**
   * Whether a Shanghai date (`YYYY-MM-DD`) is a working day (provisionally so in a provisional year).
   * Throws `CalendarNotAvailable` outside the covered years.
   */
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
    for (let counted = 0; counted < n;) {
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

/**
 * A national calendar from official notices plus provisional records for the `horizonYears` years after the last
 * official year (none when `official` is empty). Later years, and gaps between official years, stay uncovered.
 */
export function nationalCalendarFrom(official: readonly CalendarYearRecord[], horizonYears = 2): WorkingCalendar {
  if (!Number.isInteger(horizonYears) || horizonYears < 0) {
    throw new InvalidCalendarInputError(`horizonYears must be a non-negative integer, got ${horizonYears}`);
  }
  const officialYears = official.filter((record) => record.provisional !== true).map((record) => record.year);
  const covered = new Set(official.map((record) => record.year));
  const provisional: CalendarYearRecord[] = [];
  if (officialYears.length > 0) {
    const lastOfficial = Math.max(...officialYears);
    for (let year = lastOfficial + 1; year <= lastOfficial + horizonYears; year++) {
      if (!covered.has(year)) provisional.push(provisionalYearRecord(year));
    }
  }
  return WorkingCalendar.fromRecords([...official, ...provisional]);
}

/**
 * The national calendar without local closures: the notices of `calendar-data/`, then provisional years up to
 * two years after the last of them.
 */
export const nationalCalendar = nationalCalendarFrom(officialCalendarYears);

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

/** Years with a loaded official national notice, ascending (for the operations check); provisional years excluded. */
export function loadedYears(): number[] {
  return nationalCalendar.loadedYears();
}
