import { dynamoDocuments, requiredEnvironment } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoHolidayNoticeStore } from './adapters/dynamo-holiday-notice-store';
import type { CalendarDependencies } from './use-cases';

let built: CalendarDependencies | undefined;

/**
 * The calendar adapters bound to this process's environment, built once and reused by warm invocations.
 * (The national calendar every context counts on is functions/shared/national-calendar.ts.)
 */
export const calendarDependencies = (): CalendarDependencies =>
  (built ??= {
    notices: new DynamoHolidayNoticeStore(dynamoDocuments, requiredEnvironment(environmentNames.tableName)),
    clock: systemClock,
    ids: ulidGenerator,
  });
