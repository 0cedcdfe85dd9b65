import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from './powertools';

/** Port: operational signals the use cases raise without knowing how they are delivered. */
export interface ClockMonitor {
  /** A deadline reached into a year whose official holiday notice is not loaded. */
  calendarGap(year: number, where: { tenantId: string; caseId: string }): void;
}

/** Error-level log plus the `CalendarNotAvailable` metric, on which the stack raises a CloudWatch alarm. */
export const powertoolsClockMonitor: ClockMonitor = {
  calendarGap(year, where) {
    logger.error('working-day calendar not available; deadline not counted', {
      year,
      ...where,
      action: 'load the official holiday notice for this year (npm run calendar:check)',
    });
    metrics.addMetric('CalendarNotAvailable', MetricUnit.Count, 1);
  },
};
