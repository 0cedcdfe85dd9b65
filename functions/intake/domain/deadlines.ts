import { addWorkingDays, CalendarNotAvailable } from '../../domain/calendar';

/**
 * A deadline `days` working days after `start`, as a named field, or no field at all when the
 * official calendar of the year it falls in is not loaded: never a Monday-to-Friday guess.
 */
export function deadlineField<K extends string>(field: K, start: string, days: number): Partial<Record<K, string>> {
  try {
    return { [field]: addWorkingDays(start, days) } as Partial<Record<K, string>>;
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return {};
    throw error;
  }
}
