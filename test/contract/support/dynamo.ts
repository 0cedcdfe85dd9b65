import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../../../infra/definitions/table';
import { freePort, type RunningEngine, startDynamoDbLocal, startOnSomePort } from '../../../infra/local/engines';

/** A table of the platform's shape (keys and indexes from infra/definitions/table.ts) on DynamoDB Local. */
export interface DynamoTable {
  readonly documents: DynamoDBDocumentClient;
  readonly tableName: string;
}

export interface DynamoDbLocal {
  /** A new, empty table, for specs of what spans tenants (the county register, the national holiday notices). */
  aTable(): Promise<DynamoTable>;
  /**
   * One table for the file's tenant-scoped specs: each spec works in a tenant of its own (every key is
   * tenant first), so they cannot see each other, and the file creates one table instead of dozens.
   */
  sharedTable(): Promise<DynamoTable>;
}

/**
 * DynamoDB Local for the contract tests of one file, and nothing else: no queues, buckets or workflows.
 * Started before the file's tests and stopped (its data erased) after them.
 */
export function aDynamoDbLocalForThisFile(): DynamoDbLocal {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-contract-'));
  let engine: RunningEngine | undefined;
  let client: DynamoDBClient | undefined;
  let documents: DynamoDBDocumentClient | undefined;
  let tables = 0;
  let shared: Promise<DynamoTable> | undefined;

  beforeAll(async () => {
    engine = (await startOnSomePort(await freePort(), (port) => startDynamoDbLocal(port, dataDir))).started;
    client = new DynamoDBClient({ endpoint: engine.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    // the options of functions/shared/clients.ts, so the adapters marshal exactly as they do when deployed
    documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  });

  afterAll(async () => {
    client?.destroy();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const create = async (): Promise<DynamoTable> => {
    if (!client || !documents) throw new Error('DynamoDB Local is not running: call aTable() inside a test');
    const tableName = `contract-${(tables += 1)}`;
    const keyAttributes = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...new Map(keyAttributes.map((attribute) => [attribute.name, attribute])).values()].map((attribute) => ({
          AttributeName: attribute.name,
          AttributeType: attribute.type,
        })),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    return { documents, tableName };
  };

  return {
    aTable: create,
    sharedTable: () => (shared ??= create()),
  };
}
