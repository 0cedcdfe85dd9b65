import { logger } from '../../shared/powertools';
import { workflowStep } from '../../shared/worker';
import { exportAuditDay, exportDateOf, exportRequestSchema } from '../use-cases';
import { supervisionDependencies } from '../wiring';

/** Invoked daily by the EventBridge schedule: each tenant's audit and review records of yesterday (Shanghai) to S3. */
export const handler = workflowStep('AuditExported', exportRequestSchema, async (request) => {
  const deps = supervisionDependencies();
  const date = exportDateOf(request.date, deps.clock);
  const results = [];
  for (const tenantId of request.tenants) {
    const result = await exportAuditDay(deps, tenantId, date);
    logger.info('audit exported', { tenantId, date, auditRecords: result.auditRecords });
    results.push(result);
  }
  return results;
});
