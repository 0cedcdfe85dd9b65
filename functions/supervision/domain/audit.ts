import { shanghaiDate } from '../../domain/calendar';
import type { RelayedEvent } from './counters';

/**
 * The audit trail (全流程电子监察, seed 004 art.23): one append-only record per event of a case, task,
 * review or rectification entry: who, in which role, when, what, and before/after where the event
 * says. Records are written once (`attribute_not_exists`) and no route changes or deletes them.
 */
export interface AuditRecord {
  readonly recordId: string;
  readonly tenantId: string;
  readonly at: string;
  /** The Shanghai date of `at`: the export reads one day at a time. */
  readonly day: string;
  readonly who: string;
  readonly role: string;
  readonly action: string;
  readonly caseId?: string;
  readonly taskId?: string;
  readonly rectificationId?: string;
  readonly reviewId?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** The event's own detail; events never carry ID numbers or phone numbers. */
  readonly detail: Readonly<Record<string, unknown>>;
}

const nonStaffActors = new Set(['system', 'applicant', 'public', 'window']);

/** A staff id when the actor is a named person (the only actors a per-handler query can name). */
export const staffOf = (record: AuditRecord): string | undefined => (nonStaffActors.has(record.who) ? undefined : record.who);

function roleOf(event: RelayedEvent, who: string): string {
  if (event.role) return event.role;
  if (typeof event.detail.role === 'string') return event.detail.role;
  if (nonStaffActors.has(who)) return who;
  return event.type.startsWith('DepartmentTask') ? 'handler' : 'staff';
}

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
