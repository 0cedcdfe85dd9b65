import type { NationalCalendarSource } from '../../functions/kernel/calendar-access';
import { nationalCalendar, type WorkingCalendar } from '../../functions/domain/calendar';

/** A national calendar that never changes: the shipped notices (plus provisional years) unless another is given. */
export const fixedNationalCalendar = (calendar: WorkingCalendar = nationalCalendar): NationalCalendarSource => ({
  current: async () => calendar,
  fresh: async () => calendar,
});
