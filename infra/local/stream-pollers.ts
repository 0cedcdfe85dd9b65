import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, type DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { FunctionDefinition } from '../definitions/functions';
import type { LambdaHost } from './lambda-host';
import type { StreamCheckpoints } from './stream-checkpoints';

type StreamTrigger = Extract<FunctionDefinition['trigger'], { kind: 'tableStream' }>;

/**
 * Stands in for Lambda's DynamoDB stream event source mapping: reads every shard of the table's
 * stream, applies the same filter as the CDK event source, and retries a batch from its first failed
 * record until it succeeds. Each consumer resumes after its checkpoint (./stream-checkpoints.ts), so
 * records are never skipped, not even those written while the platform was down; only on the first
 * start of a data directory does it begin after what the start-up itself wrote.
 */
export class StreamPollers {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly followed = new Set<string>();

  constructor(
    private readonly dynamodb: DynamoDBClient,
    private readonly streams: DynamoDBStreamsClient,
    private readonly host: LambdaHost,
    private readonly checkpoints: StreamCheckpoints,
    private readonly onError: (error: Error) => void,
  ) {}

  async start(definitions: readonly FunctionDefinition[], tableName: string): Promise<void> {
    const table = await this.dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${tableName} has no stream`);
    // returns once every consumer has its shards positioned (and, on a first start, checkpointed): what is written
    // after start() is relayed
    const positioned: Promise<void>[] = [];
    for (const definition of definitions) {
      if (definition.trigger.kind !== 'tableStream') continue;
      const ready = Promise.withResolvers<void>();
      positioned.push(ready.promise);
      this.loops.push(this.follow(definition.id, definition.trigger, streamArn, ready.resolve));
    }
    await Promise.all(positioned);
  }

  private async follow(functionId: string, trigger: StreamTrigger, streamArn: string, positioned: () => void): Promise<void> {
    const shardLoops: Promise<void>[] = [];
    // the first start of a data directory: the shards there now hold only what the start-up wrote
    let firstStart = !this.checkpoints.hasAny(functionId);
    while (this.running) {
      try {
        const description = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
        for (const shard of description.StreamDescription?.Shards ?? []) {
          const shardId = shard.ShardId as string;
          const key = `${functionId}:${shardId}`;
          if (this.followed.has(key) || this.checkpoints.of(functionId, shardId)?.finished) continue;
          this.followed.add(key);
          let iterator = await this.iteratorAfterCheckpoint(functionId, streamArn, shardId);
          if (firstStart) iterator = await this.passOverStartUp(functionId, shardId, iterator);
          shardLoops.push(this.readShard(functionId, trigger, streamArn, shardId, iterator));
        }
        firstStart = false;
      } catch (error) {
        if (this.running) this.onError(error as Error);
      }
      positioned();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await Promise.allSettled(shardLoops);
  }

  /** The shard's iterator after the consumer's checkpoint, or from its oldest record (also when the checkpoint was trimmed away). */
  private async iteratorAfterCheckpoint(functionId: string, streamArn: string, shardId: string): Promise<string | undefined> {
    const after = this.checkpoints.of(functionId, shardId)?.after;
    if (after) {
      try {
        const resumed = await this.streams.send(
          new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }),
        );
        return resumed.ShardIterator;
      } catch (error) {
        this.onError(
          new Error(`${functionId}: checkpoint ${after} of ${shardId} not readable (${(error as Error).message}); reading the shard from its oldest record`),
        );
      }
    }
    return (await this.streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
  }

  /**
   * On the first start of a data directory (no checkpoint of this consumer at all), what the start-up wrote before the
   * relays ran (the shipped holiday notices, the sample counties) is passed over, as an event source mapping created
   * after those writes with LATEST would, and the checkpoint is written at once, so from here on nothing is skipped.
   */
  private async passOverStartUp(functionId: string, shardId: string, iterator: string | undefined): Promise<string | undefined> {
    let current = iterator;
    let last: string | undefined;
    while (current) {
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: current, Limit: 1000 }));
      const records = page.Records ?? [];
      if (records.length === 0) break;
      last = records[records.length - 1]?.dynamodb?.SequenceNumber ?? last;
      current = page.NextShardIterator;
    }
    this.checkpoints.save(functionId, shardId, last ? { after: last } : {});
    return current;
  }

  private async readShard(functionId: string, trigger: StreamTrigger, streamArn: string, shardId: string, from: string | undefined): Promise<void> {
    let iterator = from;
    let pending: _Record[] = [];
    // the last record of the page read, passed by the filter or not: the checkpoint once the page is processed
    let pageEnd: string | undefined;
    const pageDone = () => {
      if (pageEnd) this.checkpoints.save(functionId, shardId, { after: pageEnd });
      pending = [];
    };
    while (this.running && iterator) {
      try {
        if (pending.length === 0) {
          const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: trigger.batchSize }));
          iterator = page.NextShardIterator;
          const records = page.Records ?? [];
          pageEnd = records[records.length - 1]?.dynamodb?.SequenceNumber;
          pending = records.filter(
            (record) => record.eventName === trigger.filter.eventName && trigger.filter.entities.includes(record.dynamodb?.NewImage?.entity?.S ?? ''),
          );
          if (pending.length === 0) {
            pageDone();
            await new Promise((resolve) => setTimeout(resolve, 250));
            continue;
          }
        }
        const event = { Records: pending.map((record) => ({ ...record, eventSourceARN: streamArn })) } as unknown as DynamoDBStreamEvent;
        const response = (await this.host.invoke(functionId, event)) as DynamoDBBatchResponse | undefined;
        const firstFailure = response?.batchItemFailures?.[0]?.itemIdentifier;
        if (!firstFailure) {
          pageDone();
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
    // a closed shard read to its end is done for good; an open one ends only when the platform stops
    if (this.running && !iterator) this.checkpoints.save(functionId, shardId, { ...this.checkpoints.of(functionId, shardId), finished: true });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.allSettled(this.loops);
  }
}
