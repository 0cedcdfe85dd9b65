import { addWorkingDays, CalendarNotAvailable, endOfShanghaiDay, shanghaiDate } from '../../domain/calendar';

/**
 * A deadline `days` working days after `start`, as a named field, or no field at all when the
 * official calendar of the year it falls in is not loaded: never a Monday-to-Friday guess.
 * Zero days (即办件) means the end of the start day itself.
 */
export function deadlineField<K extends string>(field: K, start: string, days: number): Partial<Record<K, string>> {
  try {
    const deadline = days === 0 ? endOfShanghaiDay(shanghaiDate(start)) : addWorkingDays(start, days);
    return { [field]: deadline } as Partial<Record<K, string>>;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return {};
    throw error;
  }
}
