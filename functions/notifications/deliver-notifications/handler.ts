import { queueConsumer } from '../../shared/worker';
import { deliverNotification, notificationMessageSchema } from '../use-cases';
import { notificationDependencies } from '../wiring';

/** Consumes the notification queue (subscribed to the case-events topic): one notice per event that calls for one. */
export const handler = queueConsumer('NotificationDelivered', notificationMessageSchema, (message) => deliverNotification(notificationDependencies(), message));
