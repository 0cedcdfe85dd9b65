import { dynamoDocuments, requiredEnvironment, sns } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { systemClock } from '../shared/runtime';
import { OutboxFileChannel, SnsChannel } from './adapters/channels';
import { DynamoCaseTimeline } from './adapters/dynamo-case-timeline';
import type { NotificationDependencies } from './use-cases';

let built: NotificationDependencies | undefined;

/** The channel is a deployment setting: SMS on AWS, the outbox file on the local platform. */
export const notificationDependencies = (): NotificationDependencies =>
  (built ??= {
    cases: new DynamoCaseTimeline(dynamoDocuments, requiredEnvironment(environmentNames.tableName)),
    channel:
      process.env[environmentNames.notificationChannel] === 'outbox'
        ? new OutboxFileChannel(requiredEnvironment(environmentNames.notificationOutboxFile))
        : new SnsChannel(sns, requiredEnvironment(environmentNames.staffAlertsTopicArn)),
    clock: systemClock,
  });
