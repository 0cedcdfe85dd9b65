import { monotonicFactory } from 'ulid';
import type { DepartmentTask } from '../../../functions/approval/domain/department-task';
import type { Certificate } from '../../../functions/certificates/domain/certificate';
import { acceptCase, type Case, submitCase } from '../../../functions/intake/domain/case';
import { applicantDigest } from '../../../functions/kernel/applicant';
import type { CaseEvent } from '../../../functions/kernel/events/case-events';
import { anApplicant, aPublishedItem } from '../../support/fixtures';

/** Fresh ULIDs, so specs sharing a table (or a fake) never share an id. */
export const newId = monotonicFactory();

/** A tenant of its own for one spec: another spec's data is another tenant's. */
let tenants = 0;
export const aTenant = (): string => String(700000 + (tenants += 1));

export const anEvent = (caseId: string, type: CaseEvent['type'], at: string, extra: Partial<CaseEvent> = {}): CaseEvent =>
  ({ eventId: newId(), caseId, type, at, actor: 'contract', role: 'window', ...extra }) as CaseEvent;

/** A submitted case of `tenantId` (revision 1) with its CaseSubmitted event. */
export function aSubmittedCase(tenantId: string, options: { at?: string; idNumber?: string } = {}): { case: Case; event: CaseEvent } {
  const item = aPublishedItem({ tenantId });
  return submitCase(
    {
      tenantId,
      caseId: newId(),
      item,
      channel: 'online',
      applicant: anApplicant(options.idNumber ? { idNumber: options.idNumber } : {}),
      formData: { businessName: '三都韦记米粉店' },
    },
    options.at ?? '2026-11-23T02:00:00.000Z',
    newId(),
  );
}

/** A department task of a case as acceptance creates it (waiting for the workflow to reach the department). */
export const aTask = (current: Case, deptId: string, overrides: Partial<DepartmentTask> = {}): DepartmentTask => ({
  tenantId: current.tenantId,
  taskId: newId(),
  caseId: current.caseId,
  deptId,
  lead: deptId === 'SCJGJ',
  itemCode: current.itemCode,
  itemName: current.itemName,
  status: 'waiting',
  stageDays: 3,
  stageDeadline: '2026-11-26T23:59:59+08:00',
  createdAt: '2026-11-23T03:00:00.000Z',
  light: 'green',
  escalations: 0,
  ...overrides,
});

/** The case accepted (revision 2) with its CaseAccepted event and the department tasks routed with it. */
export function anAcceptedCase(submitted: Case, deptIds: readonly string[] = ['SCJGJ', 'SWJ']) {
  const tasks = deptIds.map((deptId) => aTask(submitted, deptId));
  const accepted = acceptCase(
    submitted,
    { tasks: tasks.map(({ taskId, deptId, lead }) => ({ taskId, deptId, lead })), actor: '窗口01' },
    '2026-11-23T03:00:00.000Z',
    newId(),
  );
  return { case: accepted.case, event: accepted.event, tasks };
}

/** A certificate of a case, as issuance stores it (the signature and document are the use case's business). */
export const aCertificate = (current: Case, overrides: Partial<Certificate> = {}): Certificate => ({
  certificateNo: `${current.tenantId}-2026-BUSINESS_LICENSE-${newId().slice(-12)}`,
  tenantId: current.tenantId,
  certificateType: 'BUSINESS_LICENSE',
  name: '营业执照',
  holder: {
    kind: 'person',
    name: current.applicant.name,
    idType: current.applicant.idType,
    idDigest: applicantDigest(current.tenantId, current.applicant.idType, current.applicant.idNumber),
    maskedIdNumber: '5227**********123X',
  },
  issuingDepartment: 'SCJGJ',
  validFrom: '2026-11-24',
  validUntil: null,
  data: { businessName: '三都韦记米粉店' },
  caseId: current.caseId,
  itemCode: current.itemCode,
  itemVersion: current.itemVersion,
  issuedAt: '2026-11-24T05:00:00.000Z',
  status: 'valid',
  documentSha256: '0'.repeat(64),
  documentKey: `certificates/${current.tenantId}/x.json`,
  contactDigest: '1'.repeat(32),
  ...overrides,
});

/** A later revision of a case in another status, as a use case would save it. */
export const nextRevision = (current: Case, changes: Partial<Case>): Case => ({ ...current, ...changes, revision: current.revision + 1 }) as Case;
