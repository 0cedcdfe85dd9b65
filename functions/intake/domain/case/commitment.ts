/** 告知承诺: approval on the applicant's commitment instead of proofs, and the post-verification that follows. */

import type { PublishedItem } from '../../../catalogue/domain/service-item';
import type { CaseEvent } from '../../../kernel/events/case-events';
import { InvalidTransitionError } from '../../../shared/errors';
import { completeAtOnce } from './immediate';
import type { Case, PostVerification } from './model';
import { requireStatus } from './status';

/**
 * 告知承诺: the applicant committed instead of proving, so the case is approved at once and a
 * post-verification is due; the result is issued now.
 */
export function approveOnCommitment(
  current: Case,
  item: PublishedItem,
  actor: string,
  noticeNo: string,
  now: string,
  eventIds: readonly [string, string],
): { case: Case; events: CaseEvent[] } {
  if (!current.commitment) throw new InvalidTransitionError('本件未签署告知承诺书', 'The applicant signed no commitment for this case', 'NO_COMMITMENT');
  requireStatus(current, ['submitted'], { zh: '按告知承诺办结', en: 'approve on commitment' });
  return completeAtOnce(current, item, { actor, noticeNo, marker: { onCommitment: true }, extra: { postVerification: { status: 'pending' } } }, now, eventIds);
}

/**
 * Who verifies a commitment (告知承诺核查): the departments that approved the case, or, for a case approved at once
 * on the commitment (no tasks), the item's lead department.
 */
export function responsibleDepartments(current: Pick<Case, 'tasks'>, item: Pick<PublishedItem, 'departments'> | undefined): string[] {
  if (current.tasks.length > 0) return [...new Set(current.tasks.map((task) => task.deptId))];
  const lead = item?.departments.find((department) => department.lead) ?? item?.departments[0];
  return lead ? [lead.deptId] : [];
}

/**
 * The post-verification of a commitment: confirmed, or found false, which revokes the approval and
 * leaves a credit record. Either way it happens once.
 */
export function recordPostVerification(
  current: Case,
  outcome: 'confirmed' | 'false-commitment',
  verifier: string,
  note: string,
  now: string,
  eventId: string,
): { case: Case; event: CaseEvent } {
  if (current.postVerification?.status !== 'pending') {
    throw new InvalidTransitionError('本件没有待核查的告知承诺', 'This case has no commitment awaiting verification', 'NO_PENDING_VERIFICATION');
  }
  const verification: PostVerification = { status: outcome, verifiedAt: now, verifier, note };
  if (outcome === 'confirmed') {
    return {
      case: { ...current, postVerification: verification, updatedAt: now, revision: current.revision + 1 },
      event: { eventId, caseId: current.caseId, type: 'CommitmentVerified', at: now, actor: verifier, detail: { outcome } },
    };
  }
  return {
    case: {
      ...current,
      status: 'revoked',
      postVerification: verification,
      outcomeReason: `承诺不实，撤销许可：${note}`,
      creditRecord: { recordedAt: now, reason: note },
      updatedAt: now,
      revision: current.revision + 1,
    },
    event: { eventId, caseId: current.caseId, type: 'ApprovalRevoked', at: now, actor: verifier, detail: { outcome, creditRecord: true } },
  };
}
