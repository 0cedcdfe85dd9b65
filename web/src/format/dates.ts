/**
 * Dates as citizens read them (2026年12月3日), always on the Beijing day: the API answers instants in UTC and
 * deadlines as the end of a Beijing day (`…T23:59:59+08:00`), and the browser may sit in any zone. A calendar date
 * (`2026-12-03`) is shown as it is. The one date formatter of the web app.
 */
const beijingDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const beijingTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

export function chineseDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : beijingDay.format(new Date(value));
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** An instant with its Beijing time of day: 2026年11月23日 10:00. */
export const chineseDateTime = (instant: string): string => `${chineseDate(instant)} ${beijingTime.format(new Date(instant))}`;

/** Shows the start and the end only: 138****0001, 5227**********0002. */
export function masked(value: string, keepStart: number, keepEnd: number): string {
  const characters = [...value.trim()];
  if (characters.length <= keepStart + keepEnd) return value;
  return `${characters.slice(0, keepStart).join('')}${'*'.repeat(characters.length - keepStart - keepEnd)}${characters.slice(-keepEnd).join('')}`;
}
