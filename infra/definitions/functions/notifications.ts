import { consumeQueue, publishTo, putItems, readTable, sendSms } from '../access';
import { notificationQueue } from '../queues';
import { staffAlertsTopic } from '../topics';
import type { FunctionDefinition } from './definition';

/** The notifier: each event that tells the applicant something becomes a notice (SMS); escalations alert the staff topic. */
export const notificationFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'DeliverNotifications',
    context: 'notifications',
    entry: 'functions/notifications/deliver-notifications/handler.ts',
    trigger: { kind: 'queue', queue: notificationQueue, batchSize: 10 },
    // each notice sent is put on the case timeline (NotificationSent)
    access: [readTable, putItems, consumeQueue(notificationQueue), sendSms, publishTo(staffAlertsTopic)],
    timeoutSeconds: 60,
  },
];
