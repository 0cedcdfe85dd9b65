/**
 * The state the in-memory fakes share, as the single table holds it for the DynamoDB adapters: a case,
 * its timeline, its department tasks, materials, release and certificates are written by different
 * contexts and read by others (intake shows the tasks approval writes; certificates check the case's
 * status). One `InMemoryTable` per test; each fake is a port over it.
 *
 * What goes in and comes out is a copy, as items do through the document client: a use case that
 * changes an object it read or wrote never changes what is stored.
 */
export const copy = <T>(value: T): T => (value === undefined ? value : (structuredClone(value) as T));

/** Tenant first, as every key of the table is: another tenant's id never finds anything. */
export const keyOf = (tenantId: string, id: string): string => `${tenantId}#${id}`;

export class InMemoryTable {
  /** Case items by tenant and case id. */
  readonly cases = new Map<string, unknown>();
  /** Each case partition's timeline events by event id (sorted by id on read, as the sort key does). */
  readonly timelines = new Map<string, Map<string, unknown>>();
  /** Department tasks by tenant and task id, with the workflow's callback token beside each. */
  readonly tasks = new Map<string, { task: unknown; callbackToken?: string; tokenDispatchedAt?: string; tokenExpiresAt?: string }>();
  /** What each case holds for each provided material, by tenant, case and material id. */
  readonly materials = new Map<string, Map<string, unknown>>();
  /** The result release of each case. */
  readonly releases = new Map<string, unknown>();
  /** Issued certificates by tenant and certificate number. */
  readonly certificates = new Map<string, unknown>();
  /** Each case's pointer per item to its certificate (`CERT#<itemCode>`), the one-per-case-and-item guard. */
  readonly certificatePointers = new Map<string, Map<string, string>>();
  /** Every published item version by tenant and item code, oldest first; the last one is current. */
  readonly itemVersions = new Map<string, unknown[]>();
  /** Tenant profiles with the change that applied them. */
  readonly profiles = new Map<string, { profile: unknown; change: unknown }>();
  /** Configuration changes as the audit trail records them beside the change (one per publish or applied profile). */
  readonly configurationAudit: { tenantId: string; recordId: string; action: string }[] = [];

  /** The events of a case partition, in event-id order (ULIDs, so time order). */
  timeline<E>(tenantId: string, caseId: string): E[] {
    const events = this.timelines.get(keyOf(tenantId, caseId));
    if (!events) return [];
    return [...events.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, event]) => copy(event) as E);
  }

  /** Whether every event is new to its case's timeline (the adapters put each with `attribute_not_exists`). */
  eventsAreNew(tenantId: string, events: readonly { caseId: string; eventId: string }[]): boolean {
    const ids = events.map((event) => keyOf(event.caseId, event.eventId));
    if (new Set(ids).size !== ids.length) return false;
    return events.every((event) => !this.timelines.get(keyOf(tenantId, event.caseId))?.has(event.eventId));
  }

  /** Appends events, once the transaction they belong to has passed every condition. */
  appendEvents(tenantId: string, events: readonly { caseId: string; eventId: string }[]): void {
    for (const event of events) {
      const partition = keyOf(tenantId, event.caseId);
      const timeline = this.timelines.get(partition) ?? new Map<string, unknown>();
      timeline.set(event.eventId, copy(event));
      this.timelines.set(partition, timeline);
    }
  }

  /** The status of a stored case, for the guards other aggregates' transactions put on it. */
  caseStatus(tenantId: string, caseId: string): string | undefined {
    return (this.cases.get(keyOf(tenantId, caseId)) as { status?: string } | undefined)?.status;
  }
}
