import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RecomputeRequests } from '../recompute';

/** SQS takes at most ten messages per batch call. */
const BATCH = 10;

/**
 * Puts each county's recomputation on the recompute queue, delayed past the calendar cache TTL: by the
 * time a county is recomputed, every function (the workflow's escalation step among them) reads the new
 * calendar, so a wait recomputed after it counts on the same days.
 */
export class SqsRecomputeRequests implements RecomputeRequests {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: () => string,
    private readonly delaySeconds: number,
  ) {}

  async request(messages: Parameters<RecomputeRequests['request']>[0]): Promise<void> {
    for (let offset = 0; offset < messages.length; offset += BATCH) {
      const batch = messages.slice(offset, offset + BATCH);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl(),
          Entries: batch.map((message, index) => ({ Id: String(index), MessageBody: JSON.stringify(message), DelaySeconds: this.delaySeconds })),
        }),
      );
      // a partly failed batch fails the whole notice message, which SQS redelivers; the counties already queued recompute twice, harmlessly
      if (result.Failed?.length)
        throw new Error(`could not queue the recomputation of ${result.Failed.length} counties: ${result.Failed.map((failure) => failure.Code).join(', ')}`);
    }
  }
}
