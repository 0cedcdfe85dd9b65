import { type AuditRecord, staffOf } from '../../kernel/audit-record';
import { attributesOf, type Item } from './items';
import { keys } from './keys';

/**
 * An audit record (全流程电子监察) in the partition of its Shanghai day, indexed per case (GSI1) and per
 * named person (GSI2). Every writer puts it new (`attribute_not_exists(PK)`) in the transaction of the
 * change it records: a configuration change, a holiday notice load, or an event applied by supervision.
 */
export const auditRecordEntity = {
  entity: 'AuditRecord',
  toItem: (record: AuditRecord) => {
    const staffId = staffOf(record);
    const sort = keys.auditSort(record.at, record.recordId);
    return {
      ...keys.auditRecord(record.tenantId, record.day, record.at, record.recordId),
      entity: 'AuditRecord',
      ...(record.caseId ? { GSI1PK: keys.auditOfCase(record.tenantId, record.caseId), GSI1SK: sort } : {}),
      ...(staffId ? { GSI2PK: keys.auditOfStaff(record.tenantId, staffId), GSI2SK: sort } : {}),
      ...record,
    };
  },
  fromItem: (item: Item): AuditRecord => attributesOf<AuditRecord>(item),
};
