/**
 * Whether the official holiday calendar is about to run out, pure. The State Council publishes next
 * year's notice in October or November; from 60 days before the last official year ends, every
 * operator channel (npm start, the supervision dashboard, a daily metric and its alarm) says it must be
 * loaded, so that no deadline stays provisional longer than it has to.
 */
import { shanghaiDate, startOfShanghaiDayMillis, type WorkingCalendar } from './calendar';

/** From this many calendar days before 31 December of the last official year, the next notice is due. */
export const NOTICE_DUE_DAYS = 60;

const DAY_MS = 86_400_000;

/** Where the official calendar ends, as of a day. */
export interface OfficialCalendarStatus {
  readonly lastOfficialYear: number;
  /** 31 December of the last official year (YYYY-MM-DD). */
  readonly officialUntil: string;
  /** Calendar days from the Shanghai date of `now` to `officialUntil`: negative once it has passed. */
  readonly daysLeft: number;
  /** 31 December of the last provisional year, or null when no year is counted provisionally. */
  readonly provisionalUntil: string | null;
}

export interface CalendarWarning extends OfficialCalendarStatus {
  readonly code: 'CALENDAR_NOTICE_DUE';
  /** Chinese / English. */
  readonly message: string;
}

/** Where the official calendar ends. A calendar without any official year is a deployment fault, refused loudly. */
export function officialCalendarStatus(calendar: WorkingCalendar, now: string): OfficialCalendarStatus {
  const lastOfficialYear = calendar.officialYears().at(-1);
  if (lastOfficialYear === undefined) throw new Error('The working-day calendar has no official year / 工作日历没有任何正式年度');
  const officialUntil = `${lastOfficialYear}-12-31`;
  const lastProvisionalYear = calendar.provisionalYears().at(-1);
  return {
    lastOfficialYear,
    officialUntil,
    daysLeft: Math.round((startOfShanghaiDayMillis(officialUntil) - startOfShanghaiDayMillis(shanghaiDate(now))) / DAY_MS),
    provisionalUntil: lastProvisionalYear === undefined ? null : `${lastProvisionalYear}-12-31`,
  };
}

function messageOf(status: OfficialCalendarStatus): string {
  const next = status.lastOfficialYear + 1;
  const zhLeft = status.daysLeft >= 0 ? `还剩 ${status.daysLeft} 天` : `已过 ${-status.daysLeft} 天`;
  const enLeft = status.daysLeft >= 0 ? `${status.daysLeft} days left` : `${-status.daysLeft} days ago`;
  const zhAfter = status.provisionalUntil ? `其后至 ${status.provisionalUntil} 的期限按法定节假日暂算` : '其后的期限无法计算';
  const enAfter = status.provisionalUntil
    ? `deadlines after it, up to ${status.provisionalUntil}, are counted provisionally on the statutory holidays`
    : 'deadlines after it cannot be counted';
  return (
    `${next}年国务院办公厅节假日安排尚未加载：正式工作日历截至 ${status.officialUntil}（${zhLeft}），${zhAfter}。公布后请执行 npm run calendar:load 加载。` +
    ` / The State Council holiday notice for ${next} is not loaded: the official calendar ends on ${status.officialUntil} (${enLeft}) and ${enAfter}. Load it with npm run calendar:load once published.`
  );
}

/**
 * The warning that the next year's notice is due: from {@link NOTICE_DUE_DAYS} days before the last
 * official year ends (2026-11-01 for 2026), and on after it has ended, until that notice is loaded
 * (which makes a later year the last official one). Undefined before then.
 */
export function calendarWarning(calendar: WorkingCalendar, now: string): CalendarWarning | undefined {
  const status = officialCalendarStatus(calendar, now);
  if (status.daysLeft > NOTICE_DUE_DAYS) return undefined;
  return { code: 'CALENDAR_NOTICE_DUE', ...status, message: messageOf(status) };
}
