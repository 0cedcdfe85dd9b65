import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { dynamoDocuments, requiredEnvironment, sns } from '../shared/clients';
import { systemClock } from '../shared/runtime';
import { OutboxFileChannel, SnsChannel } from './adapters/channels';
import type { NotificationDependencies } from './use-cases';

let built: NotificationDependencies | undefined;

/** The channel is a deployment setting: SMS on AWS, the outbox file on the local platform. */
export const notificationDependencies = (): NotificationDependencies =>
  (built ??= {
    cases: new DynamoCaseRepository(dynamoDocuments, requiredEnvironment('TABLE_NAME')),
    channel:
      process.env.NOTIFICATION_CHANNEL === 'outbox'
        ? new OutboxFileChannel(requiredEnvironment('NOTIFICATION_OUTBOX_FILE'))
        : new SnsChannel(sns, requiredEnvironment('STAFF_ALERTS_TOPIC_ARN')),
    clock: systemClock,
  });
