import { z } from 'zod';
import type { CaseRepository } from '../intake/domain/ports';
import { relayedCaseEventSchema, relayedReviewEventSchema } from '../kernel/events/envelope';
import type { Clock } from '../shared/runtime';
import { isForStaff, type NotificationChannel, notificationFor, staffNotificationsFor } from './domain/notification';

export interface NotificationDependencies {
  /** The case a notice is about, its timeline, and the record of each notice sent (intake's aggregate, read and appended to). */
  readonly cases: Pick<CaseRepository, 'find' | 'timeline' | 'appendEvent'>;
  readonly channel: NotificationChannel;
  readonly clock: Clock;
}

/**
 * What the notification queue receives. Review and rectification events share the topic and its `type`
 * attribute (decision 19), and `DeadlineRecomputed` is in both vocabularies, so a ledger entry's
 * recomputed deadline passes the queue's filter too: it is taken and tells nobody, rather than refused
 * into the dead-letter queue.
 */
export const notificationMessageSchema = z.union([relayedCaseEventSchema, relayedReviewEventSchema]);

/**
 * Primary course: an event that tells the applicant or staff something arrives from the case-events
 * topic; each notice is sent on the channel and recorded on the case timeline. A record's id derives
 * from the source event and the notice's position, so a redelivered event sends only what was not
 * recorded yet (delivery is at least once).
 */
export async function deliverNotification(
  deps: NotificationDependencies,
  message: z.infer<typeof notificationMessageSchema>,
): Promise<'sent' | 'already-sent' | 'nothing-to-say'> {
  // only review and rectification events carry a role; none of them tells anyone anything here
  if ('role' in message) return 'nothing-to-say';
  const event = message;
  const current = await deps.cases.find(event.tenantId, event.caseId);
  if (!current) return 'nothing-to-say';
  const applicantNotice = notificationFor(current, event);
  const notices = [...(applicantNotice ? [applicantNotice] : []), ...staffNotificationsFor(current, event)];
  if (notices.length === 0) return 'nothing-to-say';
  const timeline = await deps.cases.timeline(event.tenantId, event.caseId);
  const recorded = new Set(timeline.map((entry) => entry.eventId));
  let sent = 0;
  for (const [index, notice] of notices.entries()) {
    const recordId = index === 0 ? `${event.eventId}~N` : `${event.eventId}~N${index}`;
    if (recorded.has(recordId)) continue;
    await deps.channel.send(notice);
    await deps.cases.appendEvent(event.tenantId, {
      eventId: recordId,
      caseId: event.caseId,
      type: 'NotificationSent',
      at: deps.clock.now().toISOString(),
      actor: 'system',
      detail: {
        channel: deps.channel.name,
        sourceEventId: event.eventId,
        sourceType: event.type,
        audience: isForStaff(notice) ? notice.to.staff.role : 'applicant',
      },
    });
    sent += 1;
  }
  return sent > 0 ? 'sent' : 'already-sent';
}
