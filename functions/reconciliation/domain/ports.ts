import type { CaseEvent } from '../../kernel/events/case-events';
import type { CaseFacts } from './findings';

/** Port: what the reconciler reads — the registered counties and, per county, the facts of each case worth checking. */
export interface CaseSurvey {
  tenantIds(): Promise<string[]>;
  /** Every case still waiting, accepted or in approval, and those completed since `completedSince`. */
  casesToCheck(tenantId: string, completedSince: string): Promise<CaseFacts[]>;
}

/** Port: the repairs, each one the event chain itself would have made, and the record of each on the case's timeline. */
export interface RepairActions {
  /** Re-publishes a timeline event to the case-events topic; its consumers de-duplicate by event id. */
  redeliver(tenantId: string, event: CaseEvent): Promise<void>;
  /** Runs the approval join (the step the workflow runs after every department answered). */
  joinApproval(tenantId: string, caseId: string): Promise<void>;
  /** Starts the approval workflow of an accepted case again from the stored tasks. */
  resumeApproval(tenantId: string, caseId: string): Promise<void>;
  /** Arms the deemed-acceptance timer of a case waiting for its acceptance decision. */
  armAcceptanceTimer(tenantId: string, caseId: string): Promise<void>;
  /** Appends the repair's own event (`CaseRepaired`) to the case timeline: the audit trail records it like any step. */
  record(tenantId: string, event: CaseEvent): Promise<void>;
}
