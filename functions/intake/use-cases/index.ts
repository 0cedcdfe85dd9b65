/**
 * The intake context's use cases, one module each, with the request schemas their handlers parse and
 * the dependencies they take. Handlers, scripts and tests import from here.
 */
export { deemAcceptance, startAcceptanceTimer } from './acceptance-timer';
export { createCase, replayFiling } from './create-case';
export { decideAcceptance, replayAcceptanceDecision } from './decide-acceptance';
export type { IntakeDependencies } from './dependencies';
export { getCaseView } from './get-case-view';
export { listMyCases } from './list-my-cases';
export { listExaminationQueue, listHandoverQueue, listOpenCases } from './list-work-queues';
export { lookUpCaseProgress } from './look-up-progress';
export {
  acceptanceBody,
  createCaseBody,
  examinationQueueQuery,
  handoverQueueQuery,
  openCasesQuery,
  postVerificationBody,
  progressLookupBody,
  resubmissionBody,
} from './requests';
export { replayResubmission, resubmitCase } from './resubmit-case';
export { resumeApproval, startApproval } from './start-approval';
export { replayPostVerification, verifyCommitment } from './verify-commitment';
