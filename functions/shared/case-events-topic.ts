import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { CaseEvent } from '../kernel/events/case-events';

/**
 * Publishes a case timeline event to the case-events topic as the stream relay does, with its tenant and type as the
 * attributes subscriptions filter on. The relay publishes each new event; the reconciler re-publishes one a consumer
 * missed. Subscribers de-duplicate by `eventId`, so a second publication changes nothing for those that had it.
 */
export async function publishCaseEvent(client: SNSClient, topicArn: string, tenantId: string, event: CaseEvent): Promise<void> {
  await client.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify({ version: 1, tenantId, ...event }),
      MessageAttributes: { type: { DataType: 'String', StringValue: event.type }, tenantId: { DataType: 'String', StringValue: tenantId } },
    }),
  );
}
