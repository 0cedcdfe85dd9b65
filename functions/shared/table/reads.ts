import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './items';
import type { ItemKey } from './keys';

/** One item by its key; strongly consistent where the caller decides on what was last written. */
export async function getItem(
  documents: DynamoDBDocumentClient,
  tableName: string,
  key: ItemKey,
  options: { consistent?: boolean } = {},
): Promise<Item | undefined> {
  const result = await documents.send(new GetCommand({ TableName: tableName, Key: key, ...(options.consistent ? { ConsistentRead: true } : {}) }));
  return result.Item;
}

/** One page of a query: for reads that ask for at most `Limit` items and take what the first page holds. */
export async function queryPage(documents: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  return (await documents.send(new QueryCommand(input))).Items ?? [];
}

export interface QueryResult {
  readonly items: Item[];
  /** Summed over the pages, when the input asked for `ReturnConsumedCapacity`. */
  readonly consumedCapacityUnits: number;
}

/**
 * Every page of a query, following `LastEvaluatedKey` (a partition read in full: a timeline, a checklist,
 * the calendar, a day of audit records). With a `Limit`, pages are read until that many items are in.
 */
export async function queryAll(documents: DynamoDBDocumentClient, input: QueryCommandInput): Promise<QueryResult> {
  const items: Item[] = [];
  let consumedCapacityUnits = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    consumedCapacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    startKey = input.Limit !== undefined && items.length >= input.Limit ? undefined : page.LastEvaluatedKey;
  } while (startKey);
  return { items, consumedCapacityUnits };
}

/** BatchGetItem takes at most 100 keys per call. */
const BATCH_GET_LIMIT = 100;

/** The items under `keys` that exist, in no particular order: 100 keys per call, unprocessed keys asked again. */
export async function batchGetAll(
  documents: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly ItemKey[],
  options: { consistent?: boolean } = {},
): Promise<Item[]> {
  const found: Item[] = [];
  for (let offset = 0; offset < keys.length; offset += BATCH_GET_LIMIT) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [tableName]: { Keys: keys.slice(offset, offset + BATCH_GET_LIMIT).map((key) => ({ ...key })), ...(options.consistent ? { ConsistentRead: true } : {}) },
    };
    while (request && Object.keys(request).length > 0) {
      const page = await documents.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(page.Responses?.[tableName] ?? []));
      request = page.UnprocessedKeys as typeof request;
    }
  }
  return found;
}
