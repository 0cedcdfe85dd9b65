import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { dynamoDocuments, requiredEnvironment, sns } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { tracer } from '../shared/powertools';
import { systemClock } from '../shared/runtime';
import { OutboxFileChannel, SnsChannel, StaffAlertsTopicChannel } from './adapters/channels';
import { DynamoCaseTimeline } from './adapters/dynamo-case-timeline';
import { HttpSmsGatewayChannel, SecretsManagerBearerToken } from './adapters/http-sms-gateway';
import type { NotificationChannel } from './domain/notification';
import type { NotificationDependencies } from './use-cases';

/**
 * The channel is a deployment setting (`NOTIFICATION_CHANNEL`, from config/deployments/<name>.yaml on AWS): `sns` in the
 * global regions, `http-gateway` (the county's SMS gateway) in the China regions, `outbox` (a file) on the local platform.
 * Unset means `sns`, as before the setting existed.
 */
function channel(): NotificationChannel {
  const chosen = process.env[environmentNames.notificationChannel] ?? 'sns';
  switch (chosen) {
    case 'outbox':
      return new OutboxFileChannel(requiredEnvironment(environmentNames.notificationOutboxFile));
    case 'http-gateway':
      return new HttpSmsGatewayChannel({
        url: requiredEnvironment(environmentNames.smsGatewayUrl),
        token: new SecretsManagerBearerToken(
          tracer.captureAWSv3Client(new SecretsManagerClient({})),
          requiredEnvironment(environmentNames.smsGatewaySecretArn),
        ),
        staffAlerts: new StaffAlertsTopicChannel(sns, requiredEnvironment(environmentNames.staffAlertsTopicArn)),
      });
    case 'sns':
      return new SnsChannel(sns, requiredEnvironment(environmentNames.staffAlertsTopicArn));
    default:
      throw new Error(`${environmentNames.notificationChannel}=${chosen} is not a channel (sns, http-gateway or outbox)`);
  }
}

let built: NotificationDependencies | undefined;

export const notificationDependencies = (): NotificationDependencies =>
  (built ??= {
    cases: new DynamoCaseTimeline(dynamoDocuments, requiredEnvironment(environmentNames.tableName)),
    channel: channel(),
    clock: systemClock,
  });
