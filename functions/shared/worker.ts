import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { logger, metrics, tracer } from './powertools';

const observed = <E, R>(core: (event: E, context: Context) => Promise<R>) =>
  middy<E, R>()
    .use(injectLambdaContext(logger, { clearState: true, resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .handler(core) as unknown as (event: E, context: Context) => Promise<R>;

/**
 * A function the state machine invokes (`lambda:invoke`): the payload is parsed, the use case runs,
 * and any failure propagates so the state machine's Retry policy applies.
 */
export function workflowStep<S extends z.ZodType, R>(metric: string, schema: S, run: (input: z.infer<S>) => Promise<R>) {
  return observed<unknown, R>(async (payload) => {
    const result = await run(schema.parse(payload));
    metrics.addMetric(metric, MetricUnit.Count, 1);
    return result;
  });
}

/**
 * An SQS consumer with partial batch responses: a failing record returns to the queue (and after
 * maxReceiveCount to its dead-letter queue) without failing its neighbours. Records are handled one
 * after another, so two messages about the same task never race each other inside a batch.
 */
export function queueConsumer<S extends z.ZodType>(metric: string, schema: S, run: (message: z.infer<S>) => Promise<unknown>) {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord) => {
    await run(schema.parse(JSON.parse(record.body)));
    metrics.addMetric(metric, MetricUnit.Count, 1);
  };
  return observed<SQSEvent, SQSBatchResponse>(async (event, context) =>
    processPartialResponse(event, recordHandler, processor, { context, processInParallel: false }),
  );
}

/**
 * A table-stream consumer with partial batch responses: a failing record (and those after it in its
 * shard) is retried without replaying the ones that succeeded. Records arrive already filtered.
 */
export function streamConsumer(metric: string, run: (newImage: Record<string, AttributeValue>) => Promise<unknown>) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const recordHandler = async (record: DynamoDBRecord) => {
    await run(record.dynamodb?.NewImage ?? {});
    metrics.addMetric(metric, MetricUnit.Count, 1);
  };
  return observed<DynamoDBStreamEvent, DynamoDBBatchResponse>(async (event, context) =>
    processPartialResponse(event, recordHandler, processor, { context, processInParallel: false }),
  );
}
