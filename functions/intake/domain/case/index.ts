/**
 * The case (办件) lifecycle, pure: every transition checks the current status and returns the new
 * case plus the timeline event to store with it, in one transaction.
 *
 * One file per stage (submission, acceptance, supplement, approval, commitment, immediate completion);
 * this index is the case's public surface, so `intake/domain/case` is imported as one module.
 */
export type {
  Applicant,
  ApplicantAccount,
  Case,
  CaseNotice,
  CaseStatus,
  CaseTaskRef,
  Channel,
  Commitment,
  DeferredMaterials,
  NoticeKind,
  PostVerification,
  SupplementItem,
} from './model';
export { caseStatusLabel, isFinished } from './status';
export { noticeNumber } from './notice-number';
export { type NewCaseInput, reissueQueryCode, submitCase, validateForm } from './submission';
export { type AcceptanceInput, acceptanceRouting, acceptCase, checkDeferrable, deemAccepted, refuseCase } from './acceptance';
export { completeOnTheSpot } from './immediate';
export { checkSupplementItems, requestSupplement, resubmitCase } from './supplement';
export { concludeApproval, type DepartmentOutcome, markApprovalStarted, RECONSIDERATION_RIGHTS } from './approval';
export { approveOnCommitment, recordPostVerification, responsibleDepartments } from './commitment';
