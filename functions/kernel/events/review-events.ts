import { z } from 'zod';
import { deadlineSchema } from './case-events';

/**
 * Events of reviews (好差评) and the rectification ledger (台账), named `<Resource><PastTense>`. They are
 * written in the same transaction as their state change (outbox) and relayed by the table stream to the
 * case-events topic with the same envelope and message attributes (`type`, `tenantId`) as case events,
 * so the supervision counters, the audit trail and a province-level subscriber attach without knowing
 * the reviews context. No personal data in them: comments, complaint text and contact details stay on
 * the stored entry.
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

/** Version 1 of a review or rectification event as stored in the outbox and published on the case-events topic. */
export const reviewEventSchema = z
  .strictObject({
    eventId: z.string().min(1),
    type: z.enum(reviewEventTypes),
    at: z.iso.datetime(),
    actor: z.string().min(1),
    role: z.string().min(1),
    caseId: z.string().min(1).optional(),
    rectificationId: z.string().min(1).optional(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ title: 'Review or rectification event v1 / 好差评与整改事件' });

/**
 * The `detail` of a `DeadlineRecomputed` review event: a loaded holiday notice moved the rectification
 * deadline of a ledger entry (the event carries `rectificationId`, and `caseId` when the entry has a case).
 */
export const rectificationDeadlineRecomputedDetailSchema = z.object({
  subject: z.literal('rectification'),
  field: z.literal('deadline'),
  before: deadlineSchema.nullable(),
  after: deadlineSchema.nullable(),
  moved: z.enum(['earlier', 'later']),
  provisional: z.boolean(),
  year: z.number().int(),
  noticeVersion: z.number().int().min(1),
  ownerDeptId: z.string().min(1),
});
