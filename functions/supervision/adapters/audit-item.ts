import { shanghaiDate } from '../../domain/calendar';
import { keys } from '../../shared/keys';
import { type AuditRecord, staffOf } from '../domain/audit';

/**
 * The stored form of an audit record, indexed per case (GSI1) and per named person (GSI2). Every
 * writer puts it with `attribute_not_exists(PK)` in the transaction of the change it records.
 */
export function auditItem(record: AuditRecord) {
  const staffId = staffOf(record);
  const sort = keys.auditSort(record.at, record.recordId);
  return {
    ...keys.auditRecord(record.tenantId, record.day, record.at, record.recordId),
    entity: 'AuditRecord',
    ...(record.caseId ? { GSI1PK: keys.auditOfCase(record.tenantId, record.caseId), GSI1SK: sort } : {}),
    ...(staffId ? { GSI2PK: keys.auditOfStaff(record.tenantId, staffId), GSI2SK: sort } : {}),
    ...record,
  };
}

/** A configuration change (an item version published, a tenant profile applied) as an audit record. */
export function configurationAudit(input: {
  tenantId: string;
  recordId: string;
  at: string;
  by: string;
  action: string;
  before?: unknown;
  after?: unknown;
  detail: Record<string, unknown>;
}): AuditRecord {
  return {
    recordId: input.recordId,
    tenantId: input.tenantId,
    at: input.at,
    day: shanghaiDate(input.at),
    who: input.by,
    role: 'admin',
    action: input.action,
    ...(input.before !== undefined ? { before: input.before } : {}),
    ...(input.after !== undefined ? { after: input.after } : {}),
    detail: input.detail,
  };
}
