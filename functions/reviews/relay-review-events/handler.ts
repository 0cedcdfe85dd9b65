import { PublishCommand } from '@aws-sdk/client-sns';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';
import { requiredEnvironment, sns } from '../../shared/clients';
import { streamConsumer } from '../../shared/worker';
import { reviewEventSchema } from '../events';

/**
 * Relays each new review or rectification event (outbox items, entity `ReviewEvent`) to the
 * case-events topic with the case events' envelope and attributes, so one subscription (supervision,
 * a province-level collector) sees both. At least once: subscribers de-duplicate by `eventId`.
 */
export const handler = streamConsumer('ReviewEventRelayed', async (newImage: Record<string, AttributeValue>) => {
  const { PK: _pk, SK: _sk, entity: _entity, tenantId, ...stored } = unmarshall(newImage as never) as Record<string, unknown>;
  const event = reviewEventSchema.parse(stored);
  await sns.send(
    new PublishCommand({
      TopicArn: requiredEnvironment('CASE_EVENTS_TOPIC_ARN'),
      Message: JSON.stringify({ version: 1, tenantId, ...event }),
      MessageAttributes: { type: { DataType: 'String', StringValue: event.type }, tenantId: { DataType: 'String', StringValue: String(tenantId) } },
    }),
  );
});
