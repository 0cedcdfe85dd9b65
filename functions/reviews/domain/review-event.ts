/**
 * Events of the reviews context, named `<Resource><PastTense>`. They are written in the same transaction
 * as their state change (outbox) and relayed by the table stream to the CaseEventsTopic with the same
 * envelope and message attributes (`type`, `tenantId`) as case events, so the supervision counters,
 * the audit trail and a province-level subscriber attach without knowing this context. No personal
 * data in them: comments, complaint text and contact details stay on the stored entry.
 */
export const reviewEventTypes = [
  'ReviewSubmitted',
  'ComplaintFiled',
  'RectificationOpened',
  'RectificationStepRecorded',
  'RectificationClosed',
  // a loaded holiday notice moved a rectification entry's deadline (functions/calendar)
  'DeadlineRecomputed',
] as const;
export type ReviewEventType = (typeof reviewEventTypes)[number];

export interface ReviewEvent {
  readonly eventId: string;
  readonly type: ReviewEventType;
  readonly at: string;
  /** Who acted: `applicant`, `public`, or a staff id. */
  readonly actor: string;
  /** The actor's role: `applicant`, `public`, or a staff role. */
  readonly role: string;
  readonly caseId?: string;
  readonly rectificationId?: string;
  readonly detail: Readonly<Record<string, unknown>>;
}
