import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from './items';
import { keys } from './keys';
import { getItem, queryAll } from './reads';

/** One immutable published version of a service item (事项) or bundle, with who changed it and why. */
export const itemVersionEntity = {
  entity: 'ItemVersion',
  key: (tenantId: string, itemCode: string, version: number) => keys.item(tenantId, itemCode, version),
  toItem: <R extends { published: { tenantId: string; code: string; version: number } }>(record: R) => ({
    ...keys.item(record.published.tenantId, record.published.code, record.published.version),
    entity: 'ItemVersion',
    ...record,
  }),
  /** The published item of a stored version. */
  publishedOf: <P>(item: Item | undefined): P | undefined => item?.published as P | undefined,
  /** One published version (immutable, so an eventually consistent read is exact), typed by the reader. */
  get: async <P>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, itemCode: string, version: number): Promise<P | undefined> =>
    itemVersionEntity.publishedOf<P>(await getItem(documents, tableName, keys.item(tenantId, itemCode, version))),
  /** The version the `CURRENT` pointer names (read strongly consistent: it moves), typed by the reader. */
  current: async <P>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, itemCode: string): Promise<P | undefined> => {
    const version = itemPointerEntity.versionOf(await getItem(documents, tableName, keys.itemCurrent(tenantId, itemCode), { consistent: true }));
    return version === undefined ? undefined : itemVersionEntity.get<P>(documents, tableName, tenantId, itemCode, version);
  },
  /** The published item and its change record. */
  recordOf: <R>(item: Item): R => ({ published: item.published, change: item.change }) as R,
  /** The query for every version of an item, newest first. */
  versionsOf: (tenantId: string, itemCode: string) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
    ExpressionAttributeValues: { ':pk': keys.itemPartition(tenantId, itemCode), ':v': keys.itemVersionPrefix },
    ScanIndexForward: false,
  }),
};

/** The `CURRENT` pointer of an item: the version new cases are filed under, so a lookup is one GetItem. */
export const itemPointerEntity = {
  entity: 'ItemPointer',
  key: (tenantId: string, itemCode: string) => keys.itemCurrent(tenantId, itemCode),
  toItem: (tenantId: string, code: string, version: number) => ({ ...keys.itemCurrent(tenantId, code), entity: 'ItemPointer', tenantId, code, version }),
  versionOf: (item: Item | undefined): number | undefined => item?.version as number | undefined,
};

/** A tenant's current profile (everything of its configuration but the items), with the change that applied it. */
export const tenantProfileEntity = {
  entity: 'TenantProfile',
  key: (tenantId: string) => keys.tenantProfile(tenantId),
  toItem: <P, C>(tenantId: string, profile: P, change: C) => ({ ...keys.tenantProfile(tenantId), entity: 'TenantProfile', tenantId, profile, change }),
  profileOf: <P>(item: Item | undefined): P | undefined => item?.profile as P | undefined,
  /** The current profile, typed by the reader; a newly applied profile serves requests at once (no cache to expire). */
  get: async <P>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string): Promise<P | undefined> =>
    tenantProfileEntity.profileOf<P>(await getItem(documents, tableName, keys.tenantProfile(tenantId))),
};

/** The platform's register of counties (national level in the tenant slot), written with each profile. */
export const tenantRegistrationEntity = {
  entity: 'TenantRegistration',
  toItem: (tenantId: string, name: string, registeredAt: string) => ({
    ...keys.tenantRegister(tenantId),
    entity: 'TenantRegistration',
    tenantId,
    name,
    registeredAt,
  }),
  /** Every registered county's division code (one partition, one item per county). */
  tenantIds: async (documents: DynamoDBDocumentClient, tableName: string): Promise<string[]> => {
    const { items } = await queryAll(documents, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :register',
      ExpressionAttributeValues: { ':register': keys.tenantRegisterPartition() },
      ProjectionExpression: 'tenantId',
    });
    return items.map((item) => String(item.tenantId));
  },
};
