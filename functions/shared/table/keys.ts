/**
 * Every DynamoDB key of the platform is built here and nowhere else; the entity codecs beside this file
 * (functions/shared/table/) put them on items. The tenant (6-digit division code) leads every partition
 * key, so IAM `dynamodb:LeadingKeys` can fence a tenant later and no query can ever cross tenants by
 * accident. The access-pattern table lives in docs/access-patterns.md.
 */
const TENANT = 'T';

const tenantPrefix = (tenantId: string): string => `${TENANT}#${tenantId}`;

/** The tenant a partition key belongs to (every key starts with it). */
export function tenantOfKey(partitionKey: string): string {
  const [prefix, tenantId] = partitionKey.split('#');
  if (prefix !== TENANT || !tenantId) throw new Error(`not a tenant key: ${partitionKey}`);
  return tenantId;
}

/**
 * The id of the case or rectification a partition key belongs to (`T#<tenant>#CASE#<id>`): what an idempotent filing
 * records as the key of the item it created, read back to rebuild its reply.
 */
export function subjectIdOfKey(partitionKey: string, subject: 'CASE' | 'RECT'): string {
  const [, , kind, id] = partitionKey.split('#');
  if (kind !== subject || !id) throw new Error(`not a ${subject} key: ${partitionKey}`);
  return id;
}

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

export const keys = {
  case: (tenantId: string, caseId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`, SK: 'CASE' }),
  casePartition: (tenantId: string, caseId: string): string => `${tenantPrefix(tenantId)}#CASE#${caseId}`,
  /** Timeline events sort by their ULID, i.e. by time. */
  caseEvent: (tenantId: string, caseId: string, eventId: string): ItemKey => ({
    PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`,
    SK: `EVT#${eventId}`,
  }),
  caseEventPrefix: 'EVT#',

  /** What the case holds for one material: the latest verified upload or certificate reference. */
  material: (tenantId: string, caseId: string, materialId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`, SK: `MAT#${materialId}` }),
  /** Every material entry of a case, and nothing else of it (uploads sort under `UPL#`). */
  materialPrefix: 'MAT#',
  /** One upload attempt of a material: pending, verified or rejected. */
  materialUpload: (tenantId: string, caseId: string, materialId: string, uploadId: string): ItemKey => ({
    PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`,
    SK: `UPL#${materialId}#${uploadId}`,
  }),

  task: (tenantId: string, taskId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#TASK#${taskId}`, SK: 'TASK' }),
  /** GSI1: a department's tasks, grouped by status and ordered by stage deadline. */
  departmentTasks: (tenantId: string, deptId: string): string => `${tenantPrefix(tenantId)}#DEPT#${deptId}#TASKS`,
  departmentTaskSort: (status: string, deadline: string, taskId: string): string => `${status.toUpperCase()}#${deadline}#${taskId}`,
  departmentTaskStatusPrefix: (status: string): string => `${status.toUpperCase()}#`,

  /**
   * GSI1: a tenant's cases still on the clock, one partition per status (submitted, supplement_requested,
   * accepted, in_approval, completed), oldest first: the window's queue and the deadline recomputation read it.
   */
  casesInStatus: (tenantId: string, status: string): string => `${tenantPrefix(tenantId)}#CASES#${status.toUpperCase()}`,
  caseInStatusSort: (since: string, caseId: string): string => `${since}#${caseId}`,

  /** GSI2: an applicant's cases, newest first (the applicant key is a digest, never the ID number). */
  applicantCases: (tenantId: string, applicantDigest: string): string => `${tenantPrefix(tenantId)}#APPLICANT#${applicantDigest}`,
  applicantCaseSort: (createdAt: string, caseId: string): string => `CASE#${createdAt}#${caseId}`,

  /** An Idempotency-Key as used on one route, by one tenant. */
  idempotency: (tenantId: string, routeKey: string, key: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#IDEM#${routeKey}#${key}`, SK: 'IDEM' }),

  tenantProfile: (tenantId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CONFIG`, SK: 'TENANT' }),
  /**
   * The platform's register of counties (national level in the tenant slot), written with each profile:
   * work that spans every county, such as recomputing deadlines when a holiday notice arrives, lists it.
   */
  tenantRegister: (tenantId: string): ItemKey => ({ PK: `${tenantPrefix('000000')}#TENANTS`, SK: `TENANT#${tenantId}` }),
  tenantRegisterPartition: (): string => `${tenantPrefix('000000')}#TENANTS`,
  item: (tenantId: string, itemCode: string, version: number): ItemKey => ({
    PK: `${tenantPrefix(tenantId)}#ITEM#${itemCode}`,
    SK: `V#${String(version).padStart(6, '0')}`,
  }),
  itemPartition: (tenantId: string, itemCode: string): string => `${tenantPrefix(tenantId)}#ITEM#${itemCode}`,
  itemVersionPrefix: 'V#',
  /** Points at the published version of an item, so a lookup is one GetItem. */
  itemCurrent: (tenantId: string, itemCode: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#ITEM#${itemCode}`, SK: 'CURRENT' }),

  // --- certificates and results (电子证照, 出件) ---
  /** An issued certificate, found by its number (the number starts with the tenant, so a public lookup is tenant-first). */
  certificate: (tenantId: string, certificateNo: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CERT#${certificateNo}`, SK: 'CERT' }),
  /** The case's pointer to the certificate of one of its items: one per case and item, the issuance guard. */
  caseCertificate: (tenantId: string, caseId: string, itemCode: string): ItemKey => ({
    PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`,
    SK: `CERT#${itemCode}`,
  }),
  caseCertificatePrefix: 'CERT#',
  /** GSI2: a holder's certificates (证照库), newest first; the holder key is the same digest as their cases', never the ID number. */
  holderCertificates: (tenantId: string, holderDigest: string): string => `${tenantPrefix(tenantId)}#HOLDER#${holderDigest}`,
  holderCertificateSort: (issuedAt: string, certificateNo: string): string => `CERT#${issuedAt}#${certificateNo}`,
  /** The result release of a case (出件): delivery method, deadline and handover. */
  caseRelease: (tenantId: string, caseId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`, SK: 'RELEASE' }),

  // ---- reviews (好差评), rectification ledger (台账), supervision counters, audit trail ----
  /** One review per case per touchpoint (一事一评): the key itself makes a second one impossible. */
  review: (tenantId: string, caseId: string, touchpoint: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`, SK: `REVIEW#${touchpoint}` }),
  reviewPrefix: 'REVIEW#',
  /** Outbox record of a review or rectification event, relayed by the table stream (entity `ReviewEvent`). */
  reviewEvent: (subjectPartition: string, eventId: string): ItemKey => ({ PK: subjectPartition, SK: `REVEVT#${eventId}` }),
  rectification: (tenantId: string, rectificationId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#RECT#${rectificationId}`, SK: 'RECT' }),
  rectificationPartition: (tenantId: string, rectificationId: string): string => `${tenantPrefix(tenantId)}#RECT#${rectificationId}`,
  /** GSI1: the tenant's ledger, grouped by status and ordered by deadline. */
  rectificationLedger: (tenantId: string): string => `${tenantPrefix(tenantId)}#RECTIFICATIONS`,
  rectificationLedgerSort: (status: string, deadline: string, rectificationId: string): string => `${status.toUpperCase()}#${deadline}#${rectificationId}`,
  rectificationStatusPrefix: (status: string): string => `${status.toUpperCase()}#`,
  /**
   * Supervision counters of one division for one period (`D#2026-11-23`, `W#2026-W48`, `M#2026-11`, or `NOW`
   * for gauges). The division is the tenant (county) or, for roll-ups, its city or province code: a division
   * code in the tenant slot, since a city or province supervision office is the tenant of its own level.
   * SK `TOTAL`, `DEPT#<deptId>` or `ITEM#<itemCode>`: a dashboard reads one partition, never per case.
   */
  counters: (divisionCode: string, period: string): string => `${tenantPrefix(divisionCode)}#STATS#${period}`,
  counterRow: (divisionCode: string, period: string, row: string): ItemKey => ({ PK: `${tenantPrefix(divisionCode)}#STATS#${period}`, SK: row }),
  /** Per-handler figures of one period, apart from the dashboard partition so it stays small. */
  staffCounters: (tenantId: string, period: string, staffId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#STATS#${period}#STAFF`, SK: staffId }),
  /** Marks an event as applied to the counters (idempotency per eventId), written in the same transaction. */
  appliedEvent: (tenantId: string, eventId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#APPLIED#${eventId}`, SK: 'APPLIED' }),
  /** The facts the counters last counted for one subject (a case or a rectification), versioned. */
  counterFacts: (tenantId: string, subject: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#FACTS#${subject}`, SK: 'FACTS' }),
  /** Append-only audit records of one Shanghai day (the export reads one partition per day). */
  auditDay: (tenantId: string, day: string): string => `${tenantPrefix(tenantId)}#AUDIT#${day}`,
  auditRecord: (tenantId: string, day: string, at: string, recordId: string): ItemKey => ({
    PK: `${tenantPrefix(tenantId)}#AUDIT#${day}`,
    SK: `${at}#${recordId}`,
  }),
  /** GSI1: a case's audit trail; GSI2: a handler's, both in time order. */
  auditOfCase: (tenantId: string, caseId: string): string => `${tenantPrefix(tenantId)}#AUDIT#CASE#${caseId}`,
  auditOfStaff: (tenantId: string, staffId: string): string => `${tenantPrefix(tenantId)}#AUDIT#STAFF#${staffId}`,
  auditSort: (at: string, recordId: string): string => `${at}#${recordId}`,

  // ---- national holiday notices (国务院节假日安排), one set for every county ----
  /**
   * The national level in the tenant slot: every partition key starts with a tenant, and `000000` is no
   * county's division code. One partition holds every year's versions, current pointers and outbox events,
   * so the whole calendar loads with one Query on `CURRENT#`.
   */
  nationalLevel: '000000',
  calendarPartition: (): string => `${tenantPrefix(keys.nationalLevel)}#CALENDAR`,
  /** One immutable version of a year's notice. */
  calendarNoticeVersion: (year: number, version: number): ItemKey => ({
    PK: keys.calendarPartition(),
    SK: `NOTICE#${year}#V#${String(version).padStart(6, '0')}`,
  }),
  calendarNoticeVersionPrefix: (year: number): string => `NOTICE#${year}#V#`,
  /** The year's current version, holding a copy of its record so loading the calendar needs no second read. */
  calendarNoticeCurrent: (year: number): ItemKey => ({ PK: keys.calendarPartition(), SK: `CURRENT#${year}` }),
  calendarNoticeCurrentPrefix: 'CURRENT#',
  /** Outbox record of a calendar event (entity `CalendarEvent`), relayed by the table stream. */
  calendarEvent: (eventId: string): ItemKey => ({ PK: keys.calendarPartition(), SK: `EVT#${eventId}` }),
} as const;
