import { z } from 'zod';
import { tenantIdSchema } from '../ids';
import { caseEventSchema } from './case-events';
import { reviewEventSchema } from './review-events';

/**
 * What the relays publish on the case-events topic: the stored event with `version` and the tenant
 * whose partition it came from (a county, or `000000` for the national calendar). The message
 * attributes `type` and `tenantId` repeat them for subscription filters.
 */
const envelope = { version: z.literal(1), tenantId: tenantIdSchema };

/** A case timeline event as the case-event relay publishes it (functions/intake/relay-case-events). */
export const relayedCaseEventSchema = caseEventSchema.extend(envelope);

/** A review or rectification event as the outbox relay publishes it (functions/reviews/relay-review-events). */
export const relayedReviewEventSchema = reviewEventSchema.extend(envelope);

/**
 * Any event on the case-events topic: case, review and calendar events share this envelope. The type is
 * free text on purpose: a consumer that must see every event (the audit trail) takes an event type added
 * later without a change, rather than refusing it into the dead-letter queue.
 */
export const relayedEventSchema = z.object({
  ...envelope,
  eventId: z.string().min(1),
  type: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  actor: z.string().min(1),
  role: z.string().min(1).optional(),
  caseId: z.string().min(1).optional(),
  rectificationId: z.string().min(1).optional(),
  detail: z.record(z.string(), z.unknown()).default(() => ({})),
});
