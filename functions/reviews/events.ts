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
