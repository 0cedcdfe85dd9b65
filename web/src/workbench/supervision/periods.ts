/**
 * The dates of the periods before one, for a trend: the same day of the previous days, weeks or months (a month's
 * day clamped to its length). Calendar dates (YYYY-MM-DD), no time zone involved.
 */
export type PeriodKind = 'day' | 'week' | 'month';

const ymd = (date: Date) => date.toISOString().slice(0, 10);

export function earlierPeriods(kind: PeriodKind, date: string, count: number): string[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dates: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    if (kind === 'month') {
      const first = new Date(Date.UTC(year, month - 1 - back, 1));
      const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      dates.push(ymd(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, length)))));
    } else {
      dates.push(ymd(new Date(Date.UTC(year, month - 1, day - back * (kind === 'week' ? 7 : 1)))));
    }
  }
  return dates;
}
