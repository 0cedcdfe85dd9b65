import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { calendarWarning, NOTICE_DUE_DAYS, officialCalendarStatus } from '../../domain/calendar-warning';
import { logger, metrics } from '../../shared/powertools';
import { workflowStep } from '../../shared/worker';
import { supervisionDependencies } from '../wiring';

/**
 * Invoked daily by the EventBridge schedule: how many days the official holiday calendar has left
 * (`CalendarOfficialDaysLeft`) and whether the next notice is due (`CalendarNoticeDue`, 1 or 0, which
 * the `CalendarNoticeDueAlarm` watches). Both are emitted every day, so the alarm clears on the first
 * run after the notice is loaded.
 */
export const handler = workflowStep('CalendarChecked', z.object({}), async () => {
  const deps = supervisionDependencies();
  const calendar = await deps.calendar.current();
  const now = deps.clock.now().toISOString();
  const status = officialCalendarStatus(calendar, now);
  const warning = calendarWarning(calendar, now);
  metrics.addMetric('CalendarOfficialDaysLeft', MetricUnit.Count, status.daysLeft);
  metrics.addMetric('CalendarNoticeDue', MetricUnit.Count, warning ? 1 : 0);
  if (warning) logger.warn(warning.message, { code: warning.code, ...status });
  else logger.info(`official holiday calendar covers more than the next ${NOTICE_DUE_DAYS} days`, { ...status });
  return { ...status, noticeDue: warning !== undefined };
});
