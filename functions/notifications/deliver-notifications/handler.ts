import { queueConsumer } from '../../shared/worker';
import { deliverNotification, relayedEventSchema } from '../use-cases';
import { notificationDependencies } from '../wiring';

/** Consumes the notification queue (subscribed to the case-events topic): one notice per event that calls for one. */
export const handler = queueConsumer('NotificationDelivered', relayedEventSchema, (event) => deliverNotification(notificationDependencies(), event));
