import { z } from 'zod';
import { reviewEventTypes } from './domain/review-event';

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

const deadline = z.string().regex(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/, 'expected YYYY-MM-DDT23:59:59+08:00');

/**
 * The `detail` of a `DeadlineRecomputed` review event: a loaded holiday notice moved the rectification
 * deadline of a ledger entry (the event carries `rectificationId`, and `caseId` when the entry has a case).
 */
export const rectificationDeadlineRecomputedDetailSchema = z.object({
  subject: z.literal('rectification'),
  field: z.literal('deadline'),
  before: deadline.nullable(),
  after: deadline.nullable(),
  moved: z.enum(['earlier', 'later']),
  provisional: z.boolean(),
  year: z.number().int(),
  noticeVersion: z.number().int().min(1),
  ownerDeptId: z.string().min(1),
});
