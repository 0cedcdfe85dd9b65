import { shanghaiDate } from '../../domain/calendar';

/**
 * Counter periods of an instant, by its Asia/Shanghai date: the day `D#2026-11-23`, the ISO week
 * `W#2026-W48` and the month `M#2026-11`. A dashboard window reads exactly one of them.
 */
export type Window = 'day' | 'week' | 'month';

export function isoWeek(ymd: string): string {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

export const periodOfDate = (window: Window, ymd: string): string =>
  window === 'day' ? `D#${ymd}` : window === 'week' ? `W#${isoWeek(ymd)}` : `M#${ymd.slice(0, 7)}`;

export function periodsOf(at: string): readonly string[] {
  const ymd = shanghaiDate(at);
  return [periodOfDate('day', ymd), periodOfDate('week', ymd), periodOfDate('month', ymd)];
}

/** The gauge partition: what is open right now (cases and entries by deadline date, suspended cases). */
export const NOW = 'NOW';
