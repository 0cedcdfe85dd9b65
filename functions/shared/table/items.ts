import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** An item as the document client reads and writes it. */
export type Item = Record<string, unknown>;

/** One operation of a TransactWriteItems call. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The attributes the table adds to every entity: its keys, its index keys and its `entity` tag. */
const TABLE_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity'] as const;

/**
 * The entity's own attributes: the item without the table's keys, index keys and tag (and without any
 * `also` attribute the entity keeps for the adapter only, such as a task's callback token). The type is
 * the reader's: the table module knows where keys go, the contexts know what their entities are.
 */
export function attributesOf<T>(item: Item, also: readonly string[] = []): T {
  const copy: Item = { ...item };
  for (const attribute of [...TABLE_ATTRIBUTES, ...also]) delete copy[attribute];
  return copy as T;
}

/** A new item: the transaction fails if anything is stored under its key. */
export const putNew = (tableName: string, item: object): TransactItem => ({
  Put: { TableName: tableName, Item: item as Item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** An item put whole, whatever was stored under its key. */
export const putAlways = (tableName: string, item: object): TransactItem => ({ Put: { TableName: tableName, Item: item as Item } });

/** The next revision of an item (optimistic lock): only while the stored one is still `revision - 1`. */
export const putOnRevision = (tableName: string, item: { readonly revision: number }): TransactItem => ({
  Put: { TableName: tableName, Item: item as Item, ConditionExpression: 'revision = :previous', ExpressionAttributeValues: { ':previous': item.revision - 1 } },
});

/**
 * An update that sets every attribute of `item` except its key, on a condition: attributes it does not
 * name stay as they are (a task's callback token, say). `#status` is always a name the condition may use.
 */
export function updateAttributes(tableName: string, item: object, condition: string, values: Record<string, unknown>): TransactItem {
  const { PK, SK, ...attributes } = item as Item;
  const names: Record<string, string> = { '#status': 'status' };
  const allValues: Record<string, unknown> = { ...values };
  const assignments = Object.entries(attributes).map(([name, value], index) => {
    names[`#a${index}`] = name;
    allValues[`:a${index}`] = value;
    return `#a${index} = :a${index}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: { PK, SK },
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: allValues,
    },
  };
}
