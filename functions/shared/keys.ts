/**
 * Every DynamoDB key of the platform is built here and nowhere else. The tenant (6-digit division
 * code) leads every partition key, so IAM `dynamodb:LeadingKeys` can fence a tenant later and no
 * query can ever cross tenants by accident. The access-pattern table lives in docs/access-patterns.md.
 */
const TENANT = 'T';

const tenantPrefix = (tenantId: string): string => `${TENANT}#${tenantId}`;

/** The tenant a partition key belongs to (every key starts with it). */
export function tenantOfKey(partitionKey: string): string {
  const [prefix, tenantId] = partitionKey.split('#');
  if (prefix !== TENANT || !tenantId) throw new Error(`not a tenant key: ${partitionKey}`);
  return tenantId;
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

  /** GSI2: an applicant's cases, newest first (the applicant key is a digest, never the ID number). */
  applicantCases: (tenantId: string, applicantDigest: string): string => `${tenantPrefix(tenantId)}#APPLICANT#${applicantDigest}`,
  applicantCaseSort: (createdAt: string, caseId: string): string => `CASE#${createdAt}#${caseId}`,

  /** An Idempotency-Key as used on one route, by one tenant. */
  idempotency: (tenantId: string, routeKey: string, key: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#IDEM#${routeKey}#${key}`, SK: 'IDEM' }),

  tenantProfile: (tenantId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CONFIG`, SK: 'TENANT' }),
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
  caseCertificate: (tenantId: string, caseId: string, itemCode: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`, SK: `CERT#${itemCode}` }),
  caseCertificatePrefix: 'CERT#',
  /** GSI2: a holder's certificates (证照库), newest first; the holder key is the same digest as their cases', never the ID number. */
  holderCertificates: (tenantId: string, holderDigest: string): string => `${tenantPrefix(tenantId)}#HOLDER#${holderDigest}`,
  holderCertificateSort: (issuedAt: string, certificateNo: string): string => `CERT#${issuedAt}#${certificateNo}`,
  /** The result release of a case (出件): delivery method, deadline and handover. */
  caseRelease: (tenantId: string, caseId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}#CASE#${caseId}`, SK: 'RELEASE' }),
} as const;
