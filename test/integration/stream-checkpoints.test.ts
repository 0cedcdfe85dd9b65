import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { FunctionDefinition } from '../../infra/definitions/functions';
import { freePort, type RunningEngine, startDynamoDbLocal } from '../../infra/local/engines';
import type { LambdaHost } from '../../infra/local/lambda-host';
import { ensureTable } from '../../infra/local/resources';
import { StreamCheckpoints } from '../../infra/local/stream-checkpoints';
import { StreamPollers } from '../../infra/local/stream-pollers';
import { aDataDirectory, eventually, removeDataDirectory } from './support/platform';

/**
 * The local stand-in for the stream event source mapping resumes after what it processed (issue 16): events written
 * while the relay was down are delivered when it comes back, none delivered twice after a clean batch, and a batch the
 * consumer failed is delivered again, not skipped. Real DynamoDB Local and its stream; the consumer records what reaches it.
 */
const relay: FunctionDefinition = {
  id: 'RelayUnderTest',
  entry: 'unused',
  trigger: { kind: 'tableStream', batchSize: 10, filter: { eventName: 'INSERT', entities: ['CaseEvent'] } },
} as unknown as FunctionDefinition;

describe('given DynamoDB Local with its stream and a relay that checkpoints in the data directory', () => {
  const dataDir = aDataDirectory();
  const checkpointFile = join(dataDir, 'stream-checkpoints.json');
  const clientConfig = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  let engine: RunningEngine;
  let dynamodb: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  let tableName: string;
  const delivered: string[] = [];
  let failNext = 0;
  const consumer = {
    invoke: async (_id: string, event: DynamoDBStreamEvent) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('the consumer is down');
      }
      delivered.push(...event.Records.map((record) => record.dynamodb?.NewImage?.eventId?.S as string));
      return { batchItemFailures: [] };
    },
  } as unknown as LambdaHost;
  const relayUp = async () => {
    const pollers = new StreamPollers(dynamodb, streams, consumer, new StreamCheckpoints(checkpointFile), () => undefined);
    await pollers.start([relay], tableName);
    return pollers;
  };
  const write = (eventId: string, entity = 'CaseEvent') =>
    dynamodb.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { PK: { S: `T#522732#CASE#${eventId}` }, SK: { S: `EVENT#${eventId}` }, entity: { S: entity }, eventId: { S: eventId } },
      }),
    );

  beforeAll(async () => {
    engine = await startDynamoDbLocal(await freePort(), dataDir);
    dynamodb = new DynamoDBClient({ ...clientConfig, endpoint: engine.endpoint });
    streams = new DynamoDBStreamsClient({ ...clientConfig, endpoint: engine.endpoint });
    tableName = await ensureTable(dynamodb);
  });

  afterAll(async () => {
    await engine?.stop();
    removeDataDirectory(dataDir);
  });

  it('when events are written while the relay is down, then they are delivered once it is back, and none twice', async () => {
    const first = await relayUp();
    await write('E1');
    await eventually(async () => (delivered.includes('E1') ? true : undefined));
    await first.stop();
    expect(existsSync(checkpointFile)).toBe(true);

    await write('E2');
    await write('X1', 'Case');
    await write('E3');
    const second = await relayUp();
    await eventually(async () => (delivered.includes('E3') ? true : undefined));
    await second.stop();
    expect(delivered).toEqual(['E1', 'E2', 'E3']);
  });

  it('when the consumer fails a batch, then the batch is delivered again after the failure, not skipped, also across a restart', async () => {
    failNext = 1;
    await write('E4');
    const third = await relayUp();
    await eventually(async () => (delivered.includes('E4') ? true : undefined));
    await third.stop();
    expect(delivered).toEqual(['E1', 'E2', 'E3', 'E4']);
    const fourth = await relayUp();
    await write('E5');
    await eventually(async () => (delivered.includes('E5') ? true : undefined));
    await fourth.stop();
    expect(delivered).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
  });
});
