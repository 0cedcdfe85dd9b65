import { shanghaiDate } from '../domain/calendar';

/**
 * The audit trail (全流程电子监察, seed 004 art.23): one append-only record per event of a case, task,
 * review or rectification entry, and per configuration change: who, in which role, when, what, and
 * before/after where the change says. Records are written once (`attribute_not_exists`), in the
 * transaction of what they record or of the event's application, and no route changes or deletes them.
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

/** Actors that are not a named member of staff. */
export const nonStaffActors: ReadonlySet<string> = new Set(['system', 'applicant', 'public', 'window']);

/** A staff id when the actor is a named person (the only actors a per-handler query can name). */
export const staffOf = (record: Pick<AuditRecord, 'who'>): string | undefined => (nonStaffActors.has(record.who) ? undefined : record.who);

/** A configuration change (an item version published, a tenant profile applied, a holiday notice loaded) as an audit record. */
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
