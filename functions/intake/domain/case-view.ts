/** The case as the applicant and staff see it: the list of an applicant's own cases, and the one-case view with its progress and results. */

import type { DepartmentTask } from '../../approval/domain/department-task';
import { currentStageDeadline, stageDeadlineProvisional, stageLight } from '../../approval/domain/task-clock';
import type { PublishedItem } from '../../catalogue/domain/service-item';
import type { Certificate } from '../../certificates/domain/certificate';
import { outstandingDeferredMaterials, type Release, releaseView } from '../../certificates/domain/release';
import type { WorkingCalendar } from '../../domain/calendar';
import type { CaseEvent } from '../../kernel/events/case-events';
import { checklistView, type MaterialChecklist, missingMaterials } from '../../materials/domain/material';
import { type Case, caseStatusLabel, isFinished } from './case';
import type { CaseClockView } from './case-clock-view';

/** An applicant's own cases: those their phone number confirms, each with its item and status. */
export function applicantCaseList(cases: readonly Case[]) {
  return cases.map((found) => ({
    caseId: found.caseId,
    item: { code: found.itemCode, name: found.itemName },
    status: found.status,
    statusLabel: caseStatusLabel(found.status),
    createdAt: found.createdAt,
  }));
}

const publicEvent = (event: CaseEvent) => ({ type: event.type, at: event.at, actor: event.actor, detail: event.detail });

/** Status, deadlines, light, department progress and timeline of a case, as counted at `now`. */
export function caseProgressView(
  found: Case,
  clock: CaseClockView,
  tasks: readonly DepartmentTask[],
  timeline: readonly CaseEvent[],
  now: Date,
  calendar: WorkingCalendar,
  yellowThresholdDays: number,
) {
  return {
    caseId: found.caseId,
    tenantId: found.tenantId,
    item: { code: found.itemCode, name: found.itemName, version: found.itemVersion, ...(found.bundleOf ? { bundleOf: found.bundleOf } : {}) },
    channel: found.channel,
    window: found.window,
    applicant: { kind: found.applicant.kind, name: found.applicant.name },
    receivedAt: found.receivedAt,
    deemedAccepted: found.deemedAccepted ?? false,
    commitment: found.commitment ? { signedBy: found.commitment.signedBy, signedAt: found.commitment.signedAt } : undefined,
    deferredMaterials: found.deferredMaterials,
    postVerification: found.postVerification,
    creditRecord: found.creditRecord,
    notices: found.notices ?? [],
    status: found.status,
    statusLabel: caseStatusLabel(found.status),
    finished: isFinished(found.status),
    createdAt: found.createdAt,
    acceptedAt: found.acceptedAt,
    promisedDays: found.promisedDays,
    promisedDeadline: clock.promisedDeadline,
    completedAt: found.completedAt,
    clock,
    outcomeReason: found.outcomeReason,
    rightsNotice: found.rightsNotice,
    tasks: tasks.map((task) => ({
      taskId: task.taskId,
      deptId: task.deptId,
      lead: task.lead,
      status: task.status,
      stageDeadline: currentStageDeadline(task, now, calendar) ?? task.stageDeadline,
      light: stageLight(task, now, calendar, yellowThresholdDays),
      provisional: stageDeadlineProvisional(task, now, calendar),
      decision: task.decision,
      decidedAt: task.decidedAt,
      ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
      ...(task.suspensions?.length ? { suspensions: task.suspensions } : {}),
      ...(task.reassignments?.length ? { reassignments: task.reassignments } : {}),
      ...(task.escalation ? { escalation: task.escalation } : {}),
      ...(task.voidedBecause ? { voidedBecause: task.voidedBecause } : {}),
    })),
    // by time: notice records sort next to the event they report in the table, but happened later
    timeline: [...timeline].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map(publicEvent),
  };
}

/**
 * What the materials and certificates contexts keep in the case partition, as the case view shows it:
 * the material checklist (what is provided, what is still missing) and the results (the release and
 * the certificates).
 */
export function caseRecordsView(
  found: Case,
  item: Pick<PublishedItem, 'materials'>,
  records: { readonly checklist: MaterialChecklist; readonly release: Release | undefined; readonly certificates: readonly Certificate[] },
  calendar: WorkingCalendar,
  now: string,
) {
  const { checklist, release, certificates } = records;
  const missing = missingMaterials(checklist, item);
  const facts = { tenantId: found.tenantId, caseId: found.caseId, status: found.status, ...(found.completedAt ? { completedAt: found.completedAt } : {}) };
  const waitingFor = outstandingDeferredMaterials(
    found.deferredMaterials?.materialIds ?? [],
    checklist.map((entry) => entry.materialId),
  );
  return {
    materials: checklistView(checklist, item),
    missingMaterials: { blocking: missing.blocking.map((material) => material.id), deferrable: missing.deferrable.map((material) => material.id) },
    // release.blocked: 容缺 materials still outstanding hold the result back (the approval join relies on it too)
    release: releaseView(release, facts, waitingFor, calendar, now),
    certificates: certificates.map((certificate) => ({
      certificateNo: certificate.certificateNo,
      certificateType: certificate.certificateType,
      name: certificate.name,
      itemCode: certificate.itemCode,
      status: certificate.status,
      issuedAt: certificate.issuedAt,
      validUntil: certificate.validUntil,
    })),
  };
}
