import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';
import { caseEventSchema } from '../../kernel/events/case-events';
import { publishCaseEvent } from '../../shared/case-events-topic';
import { requiredEnvironment, sns } from '../../shared/clients';
import { environmentNames } from '../../shared/environment-names';
import { tenantOfKey } from '../../shared/table/keys';
import { streamConsumer } from '../../shared/worker';

/**
 * Relays each new case timeline event from the table's stream to the case-events topic, with its
 * tenant and type as message attributes for subscription filters. At least once: subscribers
 * de-duplicate by `eventId`.
 */
export const handler = streamConsumer('CaseEventRelayed', async (newImage: Record<string, AttributeValue>) => {
  const item = unmarshall(newImage as never) as Record<string, unknown>;
  const { PK, SK: _sk, entity: _entity, ...stored } = item;
  const event = caseEventSchema.parse(stored);
  const tenantId = tenantOfKey(String(PK));
  await publishCaseEvent(sns, requiredEnvironment(environmentNames.caseEventsTopicArn), tenantId, event);
});
