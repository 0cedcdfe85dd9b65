import { z } from 'zod';

/**
 * The case timeline: every step of a case, by whichever context takes it, is one event in the case's
 * partition, written in the same transaction as the change it records (the outbox), relayed by the
 * table stream to the case-events topic. Named `<Resource><PastTense>`; each has a fixture in events/
 * and a schema in schemas/.
 */
export const caseEventTypes = [
  'CaseSubmitted',
  'SupplementRequested',
  'CaseResubmitted',
  'CaseAccepted',
  'CaseDeemedAccepted',
  'CaseRejected',
  'CaseReturned',
  'ApprovalStarted',
  'DepartmentTaskAssigned',
  'DepartmentTaskReissued',
  'DepartmentTaskEscalated',
  'DepartmentTaskDecided',
  'DepartmentTaskClaimed',
  'DepartmentTaskSuspended',
  'DepartmentTaskResumed',
  'DepartmentTaskReassigned',
  'DepartmentTaskCancelled',
  'DepartmentApprovalVoided',
  'CaseCompleted',
  'CaseDenied',
  'CommitmentVerified',
  'ApprovalRevoked',
  'MaterialProvided',
  'MaterialRejected',
  'NotificationSent',
  // certificates and results (functions/certificates)
  'CertificateIssued',
  'CertificateRevoked',
  'ResultDeliveryChosen',
  'ResultDelivered',
  // a loaded holiday notice moved one of the case's deadlines (functions/calendar)
  'DeadlineRecomputed',
  // the reconciler re-drove what the event chain left undone (functions/reconciliation)
  'CaseRepaired',
] as const;

export type CaseEventType = (typeof caseEventTypes)[number];

export interface CaseEvent {
  readonly eventId: string;
  readonly caseId: string;
  readonly type: CaseEventType;
  readonly at: string;
  readonly actor: string;
  /** Non-personal facts about the step (never ID numbers or phone numbers). */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Version 1 of a case timeline event as stored and as later published to other contexts. */
export const caseEventSchema = z
  .strictObject({
    eventId: z.string().min(1),
    caseId: z.string().min(1),
    type: z.enum(caseEventTypes),
    at: z.iso.datetime(),
    actor: z.string().min(1),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ title: 'Case timeline event v1 / 办件过程事件' });

/** A deadline as every context serialises it: the end of a Shanghai day. */
export const deadlineSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/, 'expected YYYY-MM-DDT23:59:59+08:00');

/**
 * The `detail` of a `DeadlineRecomputed` case event: a loaded holiday notice moved one deadline of the
 * case, of one of its department tasks or of its result release. `before`/`after` are null where the
 * deadline could not be counted (a year beyond every notice). Staff are named by their id only; the
 * applicant not at all. Consumers parse it, so a producer drifting from the contract fails loudly.
 */
export const deadlineRecomputedDetailSchema = z.object({
  subject: z.enum(['case', 'task', 'release']),
  field: z.enum(['promisedDeadline', 'noticeDeadline', 'stageDeadline', 'supervisionDeadline', 'deliveryDeadline']),
  before: deadlineSchema.nullable(),
  after: deadlineSchema.nullable(),
  moved: z.enum(['earlier', 'later']),
  /** The new value still counts a provisional year (its notice is not out yet): it will move again. */
  provisional: z.boolean(),
  /** The year whose notice was loaded. */
  year: z.number().int(),
  noticeVersion: z.number().int().min(1),
  taskId: z.string().min(1).optional(),
  deptId: z.string().min(1).optional(),
  /** Staff id of the handler who claimed the task, if anyone did. */
  claimedBy: z.string().min(1).optional(),
});

export type DeadlineRecomputedDetail = z.infer<typeof deadlineRecomputedDetailSchema>;
