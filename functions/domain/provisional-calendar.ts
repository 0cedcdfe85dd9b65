/**
 * A provisional holiday calendar for a year whose State Council notice is not out yet, derived from
 * 《全国年节及纪念日放假办法》 alone:
 *
 * - Rest days: the Article 2 statutory holidays ({@link statutoryHolidays}), plus every Saturday and Sunday.
 * - Article 6 (全体公民放假的假日，如果适逢周六、周日，应当在工作日补假): taking the holiday dates in ascending
 *   order, each one on a Saturday or Sunday adds the first working day after its holiday period, where the period is
 *   the maximal run of consecutive rest days containing that holiday. The run grows with each day added, so two
 *   weekend holidays of one period push two days. Article 6 speaks of weekends only: a date that is two holidays at
 *   once (中秋 on 1–3 October) counts once, and two holidays on one weekend date add one day.
 * - No make-up working weekends (调休上班): those exist only by notice.
 *
 * Each rest period is the maximal run of rest days (joined weekends and compensation days included) that contains
 * at least one statutory holiday, clipped to the year and named after its holidays in date order
 * (e.g. `国庆节、中秋节`). A weekend just before a holiday belongs to its period, as in the notices' 与周末连休.
 *
 * Pure: UTC day arithmetic only, no clock, no process time zone.
 */
import type { CalendarYearRecord, HolidayArrangement } from './calendar';
import { statutoryHolidays, type StatutoryHolidayName } from './statutory-holidays';

/** The 办法 as revised on 2024-11-10 (国务院令第795号), the basis of every provisional year. */
export const HOLIDAY_MEASURES_SOURCE = 'https://www.gov.cn/zhengce/content/202411/content_6986380.htm';
export const PROVISIONAL_DOCUMENT_NUMBER = '暂行安排（依《全国年节及纪念日放假办法》第二条、第六条推算）';
export const HOLIDAY_MEASURES_PUBLISHED_ON = '2024-11-10';

const DAY_MS = 86_400_000;

const dayNumberOf = (ymd: string): number => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY_MS;
const ymdOf = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const isWeekend = (dayNumber: number): boolean => {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * The provisional record of `year`: Article 2 holidays, weekends and Article 6 compensation days, no make-up days,
 * marked `provisional: true`.
 * @throws RangeError outside the years {@link statutoryHolidays} models.
 */
export function provisionalYearRecord(year: number): CalendarYearRecord {
  // a date may carry two holidays (中秋 on 1–3 Oct, as in 2028): both name the period, Article 6 counts the date once
  const holidayDays = new Map<number, StatutoryHolidayName[]>();
  for (const holiday of statutoryHolidays(year)) {
    for (const date of holiday.dates) {
      const day = dayNumberOf(date);
      holidayDays.set(day, [...(holidayDays.get(day) ?? []), holiday.name]);
    }
  }
  const compensation = new Set<number>();
  const isRest = (day: number): boolean => holidayDays.has(day) || compensation.has(day) || isWeekend(day);

  // Article 6, holiday dates in ascending order; the first day after the run is a working day by maximality.
  for (const day of [...holidayDays.keys()].sort((a, b) => a - b)) {
    if (!isWeekend(day)) continue;
    let end = day;
    while (isRest(end + 1)) end++;
    compensation.add(end + 1);
  }

  const first = dayNumberOf(`${year}-01-01`);
  const last = dayNumberOf(`${year}-12-31`);
  const holidays: HolidayArrangement[] = [];
  for (let day = first; day <= last; day++) {
    if (!isRest(day)) continue;
    let end = day;
    while (end < last && isRest(end + 1)) end++;
    const names: StatutoryHolidayName[] = [];
    for (let inRun = day; inRun <= end; inRun++) {
      for (const name of holidayDays.get(inRun) ?? []) if (!names.includes(name)) names.push(name);
    }
    if (names.length > 0) holidays.push({ name: names.join('、'), rest: [ymdOf(day), ymdOf(end)], makeUpWorkdays: [] });
    day = end;
  }

  return {
    year,
    source: HOLIDAY_MEASURES_SOURCE,
    documentNumber: PROVISIONAL_DOCUMENT_NUMBER,
    publishedOn: HOLIDAY_MEASURES_PUBLISHED_ON,
    holidays,
    provisional: true,
  };
}
