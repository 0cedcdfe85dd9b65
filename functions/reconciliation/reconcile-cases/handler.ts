import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { logger, metrics } from '../../shared/powertools';
import { workflowStep } from '../../shared/worker';
import { DEFAULT_WINDOW } from '../domain/findings';
import { reconcileCases } from '../use-cases';
import { reconciliationDependencies } from '../wiring';

/** Optional tuning: how recent work is left alone and how far back events are judged (defaults: `DEFAULT_WINDOW`). */
const reconcileInput = z.object({
  graceSeconds: z.number().int().min(0).optional(),
  lookbackDays: z.number().int().min(1).max(20).optional(),
});

/**
 * Invoked every 15 minutes by the EventBridge schedule (locally by the platform's own timer, or `npm run reconcile`):
 * repairs what the event chain left undone. `ReconcileRepairs` counts the repairs of a run, 0 in a healthy system, with
 * one metric per kind; the alarm on it tells operators that something upstream loses work.
 */
export const handler = workflowStep('CasesReconciled', reconcileInput, async (input) => {
  const report = await reconcileCases(reconciliationDependencies(), {
    window: {
      graceMs: input.graceSeconds !== undefined ? input.graceSeconds * 1000 : DEFAULT_WINDOW.graceMs,
      lookbackMs: input.lookbackDays !== undefined ? input.lookbackDays * 86_400_000 : DEFAULT_WINDOW.lookbackMs,
    },
  });
  metrics.addMetric('ReconcileRepairs', MetricUnit.Count, report.repaired);
  metrics.addMetric('ReconcileFailures', MetricUnit.Count, report.failures.length);
  for (const [kind, count] of Object.entries(report.repairs)) if (count > 0) metrics.addMetric(`Repair-${kind}`, MetricUnit.Count, count);
  if (report.repaired > 0 || report.failures.length > 0) logger.warn('reconciler repaired what the event chain left undone', { ...report });
  else logger.info('nothing to repair', { casesChecked: report.casesChecked, tenants: report.tenants });
  return report;
});
