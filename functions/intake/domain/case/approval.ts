/** Approval (审批): the workflow started, and the join of every department's outcome into the case's result. */

import { RECONSIDERATION_RIGHTS } from '../../../kernel/case-vocabulary';
import type { CaseEvent } from '../../../kernel/events/case-events';
import type { Case } from './model';
import { requireStatus } from './status';

/** The approval workflow is running; recorded once, after the engine confirmed the start. */
export function markApprovalStarted(current: Case, executionRef: string, now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['accepted'], { zh: '启动审批', en: 'start approval' });
  return {
    case: { ...current, status: 'in_approval', approvalStartedAt: now, updatedAt: now, revision: current.revision + 1 },
    event: { eventId, caseId: current.caseId, type: 'ApprovalStarted', at: now, actor: 'system', detail: { executionRef } },
  };
}

export interface DepartmentOutcome {
  readonly deptId: string;
  readonly decision: 'approve' | 'deny';
  readonly reason?: string;
  /** An approval voided under 默认前置条件批准 because this prerequisite department denied. */
  readonly voidedBecause?: string;
}

/**
 * The join: approved only if every department approved; any denial ends the case denied with all
 * reasons, naming the approvals that presumed a denied prerequisite and are void with it.
 */
export function concludeApproval(current: Case, outcomes: readonly DepartmentOutcome[], now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['accepted', 'in_approval'], { zh: '办结', en: 'conclude' });
  const denials = outcomes.filter((outcome) => outcome.decision === 'deny');
  const voided = outcomes.filter((outcome) => outcome.voidedBecause !== undefined);
  const approved = denials.length === 0;
  const reason = [
    ...denials.map((denial) => `${denial.deptId}：${denial.reason ?? ''}`),
    ...voided.map((outcome) => `${outcome.deptId} 的批准以 ${outcome.voidedBecause} 批准为前置条件，随之失效`),
  ].join('；');
  return {
    case: {
      ...current,
      status: approved ? 'completed' : 'denied',
      completedAt: now,
      updatedAt: now,
      revision: current.revision + 1,
      ...(approved ? {} : { outcomeReason: reason, rightsNotice: RECONSIDERATION_RIGHTS }),
    },
    event: {
      eventId,
      caseId: current.caseId,
      type: approved ? 'CaseCompleted' : 'CaseDenied',
      at: now,
      actor: 'system',
      detail: approved
        ? { departments: outcomes.map((outcome) => outcome.deptId) }
        : { reason, deniedBy: denials.map((denial) => denial.deptId), voided: voided.map((outcome) => outcome.deptId) },
    },
  };
}

export { RECONSIDERATION_RIGHTS };
