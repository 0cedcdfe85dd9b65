import { PublishCommand } from '@aws-sdk/client-sns';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';
import { calendarEventSchema } from '../../kernel/events/calendar-events';
import { reviewEventSchema } from '../../kernel/events/review-events';
import { requiredEnvironment, sns } from '../../shared/clients';
import { environmentNames } from '../../shared/environment-names';
import { tenantOfKey } from '../../shared/table/keys';
import { streamConsumer } from '../../shared/worker';

/** Each outbox entity this relay reads, with the schema its stored events follow. */
const schemas = { ReviewEvent: reviewEventSchema, CalendarEvent: calendarEventSchema } as const;

/**
 * Relays each new review, rectification or national-calendar event (outbox items that carry their own
 * tenant: a county, or `000000` for the national calendar) to the case-events topic with the case events'
 * envelope and attributes, so one subscription (supervision, a deadline recomputation, a province-level
 * collector) sees them all. At least once: subscribers de-duplicate by `eventId`.
 */
export const handler = streamConsumer('ReviewEventRelayed', async (newImage: Record<string, AttributeValue>) => {
  const { PK, SK: _sk, entity, tenantId: storedTenant, ...stored } = unmarshall(newImage as never) as Record<string, unknown>;
  // review outbox items carry their county; a calendar event's tenant slot is the national level of its key
  const tenantId = storedTenant ?? tenantOfKey(String(PK));
  const schema = schemas[entity as keyof typeof schemas];
  if (!schema) throw new Error(`not an outbox entity of this relay: ${String(entity)}`);
  const event = schema.parse(stored);
  await sns.send(
    new PublishCommand({
      TopicArn: requiredEnvironment(environmentNames.caseEventsTopicArn),
      Message: JSON.stringify({ version: 1, tenantId, ...event }),
      MessageAttributes: { type: { DataType: 'String', StringValue: event.type }, tenantId: { DataType: 'String', StringValue: String(tenantId) } },
    }),
  );
});
