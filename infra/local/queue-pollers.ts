import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { FunctionDefinition } from '../definitions/functions';
import type { LambdaHost } from './lambda-host';

/**
 * How many batches of one queue are in flight at once. Lambda's SQS mapping polls a queue with several concurrent
 * batches (five to start with) and invokes the function for each; one batch at a time made the department-task queue
 * the local stack's bottleneck (issue 17). Bounded, so one machine stays responsive.
 */
export const CONCURRENT_BATCHES_PER_QUEUE = 4;

/**
 * Stands in for Lambda's SQS event source mapping: long-polls each queue with a few concurrent
 * pollers, invokes the consumer with an SQS event per batch, deletes what succeeded and leaves
 * failures to the visibility timeout and, after maxReceiveCount, the dead-letter queue.
 */
export class QueuePollers {
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly sqs: SQSClient,
    private readonly host: LambdaHost,
    private readonly onError: (error: Error) => void,
  ) {}

  async start(definitions: readonly FunctionDefinition[], queueUrls: ReadonlyMap<string, string>): Promise<void> {
    for (const definition of definitions) {
      if (definition.trigger.kind !== 'queue') continue;
      const queueUrl = queueUrls.get(definition.trigger.queue.id);
      if (!queueUrl) throw new Error(`queue ${definition.trigger.queue.id} not created`);
      const attributes = await this.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
      for (let poller = 0; poller < CONCURRENT_BATCHES_PER_QUEUE; poller += 1) {
        this.loops.push(this.poll(definition.id, queueUrl, attributes.Attributes?.QueueArn ?? queueUrl, definition.trigger.batchSize));
      }
    }
  }

  private async poll(functionId: string, queueUrl: string, queueArn: string, batchSize: number): Promise<void> {
    while (this.running) {
      try {
        const received = await this.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: batchSize, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }),
        );
        const messages = received.Messages ?? [];
        if (messages.length === 0 || !this.running) continue;
        const event: SQSEvent = {
          Records: messages.map((message) => ({
            messageId: message.MessageId as string,
            receiptHandle: message.ReceiptHandle as string,
            body: message.Body ?? '',
            attributes: (message.Attributes ?? {}) as never,
            messageAttributes: {},
            md5OfBody: message.MD5OfBody ?? '',
            eventSource: 'aws:sqs',
            eventSourceARN: queueArn,
            awsRegion: 'us-east-1',
          })),
        };
        const response = (await this.host.invoke(functionId, event)) as SQSBatchResponse | undefined;
        const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
        const succeeded = messages.filter((message) => !failed.has(message.MessageId as string));
        if (succeeded.length > 0) {
          await this.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: succeeded.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle as string })),
            }),
          );
        }
      } catch (error) {
        if (this.running) this.onError(error as Error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.allSettled(this.loops);
  }
}
