import { dynamoDocuments, requiredEnvironment } from '../shared/clients';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { CachedNationalCalendar } from './adapters/cached-national-calendar';
import { DynamoHolidayNoticeStore } from './adapters/dynamo-holiday-notice-store';
import type { NationalCalendarSource } from './domain/ports';
import type { CalendarDependencies } from './use-cases';

let built: CalendarDependencies | undefined;
let source: NationalCalendarSource | undefined;

/** The calendar adapters bound to this process's environment, built once and reused by warm invocations. */
export const calendarDependencies = (): CalendarDependencies =>
  (built ??= { notices: new DynamoHolidayNoticeStore(dynamoDocuments, requiredEnvironment('TABLE_NAME')), clock: systemClock, ids: ulidGenerator });

/**
 * The one national calendar of this process, for every context's use cases: one cache per process, so a
 * loaded notice is seen everywhere within the same TTL.
 */
export const nationalCalendarSource = (): NationalCalendarSource => (source ??= new CachedNationalCalendar(calendarDependencies().notices));
