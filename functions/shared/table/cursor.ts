import { invalidCursor } from '../errors';

/**
 * The cursor of a paged list: the query's `LastEvaluatedKey`, as opaque base64url text for the `cursor` parameter.
 * A cursor names its index partition, and a cursor of another list (another status, another county) is refused with
 * 400 INVALID_CURSOR rather than read: the partition key is tenant first, so it can never reach another county's items.
 */
export type PageKey = Readonly<Record<string, string>>;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

/**
 * The start key of the next page, checked to lie in `partition` of the index attribute `partitionAttribute` and, for a
 * query over part of a partition (`begins_with` on the sort key), under that sort prefix: DynamoDB refuses a start key
 * outside the key condition, and that must be the caller's 400, not a 500.
 */
export function decodeCursor(
  cursor: string | undefined,
  partitionAttribute: string,
  partition: string,
  sortPrefix?: { readonly attribute: string; readonly prefix: string },
): PageKey | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const fields = typeof key === 'object' && key !== null && !Array.isArray(key) ? Object.entries(key) : [];
  if (fields.length === 0 || fields.length > 4 || fields.some(([, value]) => typeof value !== 'string')) throw invalidCursor();
  if ((key as PageKey)[partitionAttribute] !== partition) throw invalidCursor();
  if (sortPrefix && !String((key as PageKey)[sortPrefix.attribute] ?? '').startsWith(sortPrefix.prefix)) throw invalidCursor();
  return key as PageKey;
}
