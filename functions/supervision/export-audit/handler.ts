import { dynamoDocuments, requiredEnvironment } from '../../shared/clients';
import { environmentNames } from '../../shared/environment-names';
import { logger } from '../../shared/powertools';
import { workflowStep } from '../../shared/worker';
import { DynamoTenantRegister } from '../adapters/dynamo-tenant-register';
import { exportAuditDay, exportDateOf, exportRequestSchema, tenantsToExport } from '../use-cases';
import { supervisionDependencies } from '../wiring';

let register: DynamoTenantRegister | undefined;
/** The county register, bound to this process's table once (the tenants are read at every run). */
const countyRegister = () => (register ??= new DynamoTenantRegister(dynamoDocuments, requiredEnvironment(environmentNames.tableName)));

/**
 * Invoked daily by the EventBridge schedule with `{}`: the audit and review records of yesterday (Shanghai)
 * of every county in the register, and of the national level, to S3. Named tenants or a date override.
 */
export const handler = workflowStep('AuditExported', exportRequestSchema, async (request) => {
  const deps = supervisionDependencies();
  const date = exportDateOf(request.date, deps.clock);
  const results = [];
  for (const tenantId of await tenantsToExport({ register: countyRegister() }, request.tenants)) {
    const result = await exportAuditDay(deps, tenantId, date);
    logger.info('audit exported', { tenantId, date, auditRecords: result.auditRecords });
    results.push(result);
  }
  return results;
});
