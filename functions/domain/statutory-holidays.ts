/**
 * The statutory holidays (全体公民放假的节日) of Article 2 of 《全国年节及纪念日放假办法》, as dates of one
 * Gregorian year.
 *
 * - From 2025 (revision of 2024-11-10, 国务院令第795号, in force 2025-01-01): 元旦 1 day (1 Jan); 春节 4 days
 *   (农历除夕 and 正月初一 to 初三); 清明节 1 day (the day of the 清明 solar term); 劳动节 2 days (1 and 2 May);
 *   端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (1 to 3 Oct). 13 days.
 * - 2014 to 2024 (revision of 2013-12-11, 国务院令第644号, in force 2014-01-01): the same except 春节 3 days
 *   (正月初一 to 初三, 除夕 is a working day) and 劳动节 1 day (1 May). 11 days.
 *
 * Lunar dates and the solar term are computed by `tyme4ts` (寿星 astronomical algorithm, Beijing time), never
 * typed in. The library works on calendar fields and Julian days only, so the result does not depend on the
 * process time zone or the clock.
 */
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';

export type StatutoryHolidayName = '元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节';

/** One statutory holiday of a year: its Article 2 name and its dates (`YYYY-MM-DD`, Asia/Shanghai, ascending). */
export interface StatutoryHoliday {
  readonly name: StatutoryHolidayName;
  readonly dates: readonly string[];
}

/** First year of the 2013 revision, the oldest version modelled here. */
export const FIRST_STATUTORY_YEAR = 2014;
/** Last year computed here; the lunar and solar-term results are cross-checked up to it. */
export const LAST_STATUTORY_YEAR = 2100;
/** First year of the 2024 revision (除夕 and 5月2日 added). */
export const REVISION_2024_FIRST_YEAR = 2025;

const pad = (value: number): string => String(value).padStart(2, '0');
const ymd = (day: SolarDay): string => `${day.getYear()}-${pad(day.getMonth())}-${pad(day.getDay())}`;
const gregorian = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
const lunar = (year: number, month: number, day: number): SolarDay => LunarDay.fromYmd(year, month, day).getSolarDay();

/**
 * The Article 2 holidays of `year` in the version of the 办法 in force that year, in Article 2 order.
 * @throws RangeError for a year outside 2014–2100 or not an integer.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    throw new RangeError(`Statutory holidays are modelled for ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR}, not ${year}`);
  }
  const revised = year >= REVISION_2024_FIRST_YEAR;

  // 正月初一; 除夕 is the last day of the twelfth lunar month (廿九 or 三十), i.e. the day before.
  const newYear = LunarDay.fromYmd(year, 1, 1);
  const springFestival = [0, 1, 2].map((offset) => ymd(newYear.next(offset).getSolarDay()));
  const eve = ymd(newYear.next(-1).getSolarDay());

  return [
    { name: '元旦', dates: [gregorian(year, 1, 1)] },
    { name: '春节', dates: revised ? [eve, ...springFestival] : springFestival },
    // the day of the 清明 solar term as the Chinese calendar counts it (Beijing time)
    { name: '清明节', dates: [ymd(SolarTerm.fromName(year, '清明').getSolarDay())] },
    { name: '劳动节', dates: revised ? [gregorian(year, 5, 1), gregorian(year, 5, 2)] : [gregorian(year, 5, 1)] },
    { name: '端午节', dates: [ymd(lunar(year, 5, 5))] },
    { name: '中秋节', dates: [ymd(lunar(year, 8, 15))] },
    { name: '国庆节', dates: [gregorian(year, 10, 1), gregorian(year, 10, 2), gregorian(year, 10, 3)] },
  ];
}
