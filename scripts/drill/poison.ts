/**
 * Poison messages: what a broken producer or a hand-typed `aws sqs send-message` puts on a queue. Each consumed queue of
 * the local platform (the work queues of infra/definitions/queues.ts, whose URLs the endpoints file carries) gets a body
 * that is not JSON and one that is JSON but no event. A consumer must fail only those (its partial batch response),
 * keep working the others, and leave the poison to the redrive policy and the dead-letter queue.
 */
import { GetQueueAttributesCommand, ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterQueueId, queueDefinitions } from '../../infra/definitions/queues';

export const poisonBodies = ['{"drill": this is not JSON', JSON.stringify({ drill: 'poison', note: 'valid JSON, but no event of any kind' })] as const;

const sqsOf = (endpoints: Record<string, string>) =>
  new SQSClient({
    endpoint: endpoints.AWS_ENDPOINT_URL_SQS,
    region: endpoints.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** Sends both poison bodies to every consumed queue; resolves to the number of messages sent. */
export async function poisonEveryQueue(endpoints: Record<string, string>): Promise<number> {
  const sqs = sqsOf(endpoints);
  let sent = 0;
  for (const queue of queueDefinitions) {
    const queueUrl = endpoints[queue.urlEnvironmentVariable];
    if (!queueUrl) continue;
    for (const body of poisonBodies) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
      sent += 1;
    }
  }
  return sent;
}

/** The messages each dead-letter queue holds at the end, by its queue's id: where poison (and anything that failed every try) lands. */
export async function deadLetterDepths(endpoints: Record<string, string>): Promise<Record<string, number>> {
  const sqs = sqsOf(endpoints);
  const urls = (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  const depths: Record<string, number> = {};
  for (const queue of queueDefinitions) {
    const url = urls.find((candidate) => candidate.endsWith(`-${deadLetterQueueId(queue)}`));
    if (!url) continue;
    const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
    depths[queue.id] = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
  }
  return depths;
}
