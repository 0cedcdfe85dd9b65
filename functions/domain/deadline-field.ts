import { CalendarNotAvailable, endOfShanghaiDay, nationalCalendar, shanghaiDate, type WorkingCalendar } from './calendar';

/**
 * A deadline `days` working days after `start`, as a named field, or no field at all when the
 * official calendar of the year it falls in is not loaded: never a Monday-to-Friday guess.
 * Zero days (即办件) means the end of the start day itself.
 */
export function deadlineField<K extends string>(
  field: K,
  start: string,
  days: number,
  calendar: WorkingCalendar = nationalCalendar,
  onCalendarGap: (year: number) => void = () => undefined,
): Partial<Record<K, string>> {
  try {
    const deadline = days === 0 ? endOfShanghaiDay(shanghaiDate(start)) : calendar.addWorkingDays(start, days);
    return { [field]: deadline } as Partial<Record<K, string>>;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) {
      onCalendarGap(error.year);
      return {};
    }
    throw error;
  }
}
