import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, type DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { FunctionDefinition } from '../definitions/functions';
import type { LambdaHost } from './lambda-host';

type StreamTrigger = Extract<FunctionDefinition['trigger'], { kind: 'tableStream' }>;

/**
 * Stands in for Lambda's DynamoDB stream event source mapping: reads every shard of the table's
 * stream from the moment the platform starts, applies the same filter as the CDK event source, and
 * retries a batch from its first failed record until it succeeds (records are never skipped).
 */
export class StreamPollers {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly followed = new Set<string>();

  constructor(
    private readonly dynamodb: DynamoDBClient,
    private readonly streams: DynamoDBStreamsClient,
    private readonly host: LambdaHost,
    private readonly onError: (error: Error) => void,
  ) {}

  async start(definitions: readonly FunctionDefinition[], tableName: string): Promise<void> {
    const table = await this.dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${tableName} has no stream`);
    for (const definition of definitions) {
      if (definition.trigger.kind !== 'tableStream') continue;
      this.loops.push(this.follow(definition.id, definition.trigger, streamArn));
    }
  }

  private async follow(functionId: string, trigger: StreamTrigger, streamArn: string): Promise<void> {
    const shardLoops: Promise<void>[] = [];
    let first = true;
    while (this.running) {
      try {
        const description = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
        for (const shard of description.StreamDescription?.Shards ?? []) {
          const key = `${functionId}:${shard.ShardId}`;
          if (this.followed.has(key)) continue;
          this.followed.add(key);
          // shards that exist at start are read from now on; shards opened later are read whole
          const iteratorType = first && !shard.SequenceNumberRange?.EndingSequenceNumber ? 'LATEST' : 'TRIM_HORIZON';
          if (first && shard.SequenceNumberRange?.EndingSequenceNumber) continue;
          shardLoops.push(this.readShard(functionId, trigger, streamArn, shard.ShardId as string, iteratorType));
        }
        first = false;
      } catch (error) {
        if (this.running) this.onError(error as Error);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await Promise.allSettled(shardLoops);
  }

  private async readShard(
    functionId: string,
    trigger: StreamTrigger,
    streamArn: string,
    shardId: string,
    iteratorType: 'LATEST' | 'TRIM_HORIZON',
  ): Promise<void> {
    let iterator = (await this.streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: iteratorType })))
      .ShardIterator;
    let pending: _Record[] = [];
    while (this.running && iterator) {
      try {
        if (pending.length === 0) {
          const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: trigger.batchSize }));
          iterator = page.NextShardIterator;
          pending = (page.Records ?? []).filter(
            (record) => record.eventName === trigger.filter.eventName && trigger.filter.entities.includes(record.dynamodb?.NewImage?.entity?.S ?? ''),
          );
          if (pending.length === 0) {
            await new Promise((resolve) => setTimeout(resolve, 250));
            continue;
          }
        }
        const event = { Records: pending.map((record) => ({ ...record, eventSourceARN: streamArn })) } as unknown as DynamoDBStreamEvent;
        const response = (await this.host.invoke(functionId, event)) as DynamoDBBatchResponse | undefined;
        const firstFailure = response?.batchItemFailures?.[0]?.itemIdentifier;
        if (!firstFailure) {
          pending = [];
          continue;
        }
        // like the event source mapping: retry from the first failed record, in order
        pending = pending.slice(
          Math.max(
            0,
            pending.findIndex((record) => record.dynamodb?.SequenceNumber === firstFailure),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } catch (error) {
        if (this.running) this.onError(error as Error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.allSettled(this.loops);
  }
}
