import { z } from 'zod';
import type { CaseRepository } from '../intake/domain/ports';
import { caseEventSchema } from '../intake/events';
import type { Clock } from '../shared/runtime';
import { type NotificationChannel, notificationFor } from './domain/notification';

export interface NotificationDependencies {
  readonly cases: CaseRepository;
  readonly channel: NotificationChannel;
  readonly clock: Clock;
}

/** A case event as the relay publishes it (see functions/intake/relay-case-events). */
export const relayedEventSchema = caseEventSchema.extend({ version: z.literal(1), tenantId: z.string().regex(/^\d{6}$/) });

/**
 * Primary course: an event that tells the applicant something arrives from the case-events topic;
 * the notice is sent on the channel and recorded on the case timeline. The record's id derives from
 * the source event, so a redelivered event is not sent twice once recorded (delivery is at least once).
 */
export async function deliverNotification(deps: NotificationDependencies, event: z.infer<typeof relayedEventSchema>): Promise<'sent' | 'already-sent' | 'nothing-to-say'> {
  const current = await deps.cases.find(event.tenantId, event.caseId);
  const notification = current ? notificationFor(current, event) : undefined;
  if (!notification) return 'nothing-to-say';
  const recordId = `${event.eventId}~N`;
  const timeline = await deps.cases.timeline(event.tenantId, event.caseId);
  if (timeline.some((entry) => entry.eventId === recordId)) return 'already-sent';
  await deps.channel.send(notification);
  await deps.cases.appendEvent(event.tenantId, {
    eventId: recordId,
    caseId: event.caseId,
    type: 'NotificationSent',
    at: deps.clock.now().toISOString(),
    actor: 'system',
    detail: { channel: deps.channel.name, sourceEventId: event.eventId, sourceType: event.type },
  });
  return 'sent';
}
