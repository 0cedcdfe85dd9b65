import type { DepartmentTask } from '../../approval/domain/department-task';
import type { PublishedItem, TenantProfile } from '../../catalogue/domain/service-item';
import type { Certificate } from '../../certificates/domain/certificate';
import type { Release } from '../../certificates/domain/release';
import type { CaseEvent } from '../../kernel/events/case-events';
import type { MaterialChecklist } from '../../materials/domain/material';
import type { Page } from '../../kernel/page';
import type { Case } from './case';

/** The statuses in which a case still runs a clock (the notice window, the promised deadline, the result delivery). */
export type StatusOnClock = 'submitted' | 'supplement_requested' | 'accepted' | 'in_approval' | 'completed';

/** Port: durable storage of cases and their timelines. Every write is conditional and atomic with its events. */
export interface CaseRepository {
  /** Stores a new case with its first event; never overwrites an existing case. */
  create(newCase: Case, event: CaseEvent): Promise<void>;
  find(tenantId: string, caseId: string): Promise<Case | undefined>;
  timeline(tenantId: string, caseId: string): Promise<CaseEvent[]>;
  /** Adds an event to a case's timeline once: false when an event with that id is already there. */
  appendEvent(tenantId: string, event: CaseEvent): Promise<boolean>;
  /** An applicant's cases, newest first, by the ID digest of their real-name account (`nationalIdDigest`; never the ID number in a key). */
  listForApplicant(tenantId: string, idDigest: string, limit: number): Promise<Case[]>;
  /**
   * Stores `next` only if the stored revision is still `next.revision - 1`, together with its events
   * and any tasks it creates; a concurrent change makes it throw InvalidTransitionError.
   */
  save(next: Case, events: readonly CaseEvent[], newTasks?: readonly DepartmentTask[]): Promise<void>;
  /**
   * Every case of the tenant in one status that still runs a clock, oldest first; `since` keeps only
   * those that entered it (received, or completed) on or after that instant.
   */
  listInStatus(tenantId: string, status: StatusOnClock, since?: string): Promise<Case[]>;
  /** One page of the cases in one clocked status, oldest first; a cursor of another list is refused (INVALID_CURSOR). */
  pageInStatus(tenantId: string, status: StatusOnClock, page: { readonly limit: number; readonly cursor?: string }): Promise<Page<Case>>;
}

export interface WorkflowTask {
  readonly taskId: string;
  readonly deptId: string;
  /** Seconds the department's wait lasts before the next light change is checked. */
  readonly timeoutSeconds: number;
}

/** Port: the approval state machine. Starting twice for one case is harmless (the name is the case). */
export interface ApprovalWorkflow {
  start(request: { tenantId: string; caseId: string; maxConcurrency: 0 | 1; tasks: readonly WorkflowTask[] }): Promise<string>;
}

/** Port: the deemed-acceptance timer (视为受理) of one receipt of a complete application. */
export interface AcceptanceTimer {
  /** Fires at `fireAt` (just after the notice deadline); starting it twice for one receipt is harmless. */
  start(request: { tenantId: string; caseId: string; receivedAt: string; fireAt: string }): Promise<void>;
  /** Ends the timer of a receipt the window has decided, so a case holds one open execution at most; one already ended is fine. */
  stop(request: { tenantId: string; caseId: string; receivedAt: string }): Promise<void>;
}

/**
 * Port: what the materials and certificates contexts keep in the case partition, read for the case view
 * (the applicant and staff see a case with its checklist and its results in one answer).
 */
export interface CaseRecords {
  /** What the case holds for each provided material. */
  checklist(tenantId: string, caseId: string): Promise<MaterialChecklist>;
  /** The result release (出件), once the applicant chose how to receive it. */
  release(tenantId: string, caseId: string): Promise<Release | undefined>;
  /** Every certificate issued for the case. */
  certificates(tenantId: string, caseId: string): Promise<Certificate[]>;
}

/** Everything the case partition holds that the case view shows: the case, its timeline, materials, release and certificate pointers. */
export interface CaseFile {
  readonly case: Case;
  readonly timeline: readonly CaseEvent[];
  readonly checklist: MaterialChecklist;
  readonly release?: Release;
  /** The numbers of the case's certificates (the certificates themselves sit in their own partitions). */
  readonly certificateNos: readonly string[];
}

/** What the case view needs from other partitions, read together. */
export interface CaseFileRelations {
  readonly tasks: readonly DepartmentTask[];
  readonly certificates: readonly Certificate[];
  readonly profile?: TenantProfile;
  readonly item?: PublishedItem;
}

/**
 * Port: the case view's reads in as few calls as the table allows (issue 17): the case partition in one query, then its
 * tasks, certificates, the county's profile and the item version in one batch.
 */
export interface CaseFiles {
  read(tenantId: string, caseId: string): Promise<CaseFile | undefined>;
  relations(
    tenantId: string,
    wanted: { readonly taskIds: readonly string[]; readonly certificateNos: readonly string[]; readonly itemCode: string; readonly itemVersion: number },
  ): Promise<CaseFileRelations>;
}
