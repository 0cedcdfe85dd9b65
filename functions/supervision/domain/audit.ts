import { shanghaiDate } from '../../domain/calendar';
import { type AuditRecord, nonStaffActors } from '../../kernel/audit-record';
import type { RelayedEvent } from './counters';

function roleOf(event: RelayedEvent, who: string): string {
  if (event.role) return event.role;
  if (typeof event.detail.role === 'string') return event.detail.role;
  if (nonStaffActors.has(who)) return who;
  return event.type.startsWith('DepartmentTask') ? 'handler' : 'staff';
}

/**
 * The audit record of an event of a case, task, review or rectification entry (the record itself is
 * shared vocabulary: configuration changes write it too, see functions/kernel/audit-record.ts).
 */
export function auditRecordOf(event: RelayedEvent): AuditRecord {
  const detail = event.detail;
  const who = typeof detail.staffId === 'string' && detail.staffId ? detail.staffId : event.actor;
  const optional = (key: string, value: unknown) => (typeof value === 'string' && value ? { [key]: value } : {});
  return {
    recordId: event.eventId,
    tenantId: event.tenantId,
    at: event.at,
    day: shanghaiDate(event.at),
    who,
    role: roleOf(event, who),
    action: event.type,
    ...optional('caseId', event.caseId),
    ...optional('taskId', detail.taskId),
    ...optional('rectificationId', event.rectificationId),
    ...optional('reviewId', detail.reviewId),
    ...(detail.before !== undefined ? { before: detail.before } : {}),
    ...(detail.after !== undefined ? { after: detail.after } : {}),
    detail,
  };
}
