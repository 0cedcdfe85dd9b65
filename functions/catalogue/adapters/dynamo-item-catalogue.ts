import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidTransitionError } from '../../shared/errors';
import { keys } from '../../shared/keys';
import type { ItemCatalogue, ItemVersionRecord, PublishedItem } from '../domain/service-item';
// the audit trail (全流程电子监察) records configuration changes in the same transaction as the change
import { auditItem, configurationAudit } from '../../supervision/adapters/audit-item';

/**
 * Published item versions. A version is written once and never changed; the CURRENT pointer names
 * the version new cases are filed under, and moves only forward, one version at a time.
 */
export class DynamoItemCatalogue implements ItemCatalogue {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined> {
    const pointer = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.itemCurrent(tenantId, itemCode), ConsistentRead: true }));
    const version = pointer.Item?.version as number | undefined;
    return version === undefined ? undefined : this.itemVersion(tenantId, itemCode, version);
  }

  async itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.item(tenantId, itemCode, version) }));
    return result.Item?.published as PublishedItem | undefined;
  }

  async versions(tenantId: string, itemCode: string): Promise<ItemVersionRecord[]> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
        ExpressionAttributeValues: { ':pk': keys.itemPartition(tenantId, itemCode), ':v': keys.itemVersionPrefix },
        ScanIndexForward: false,
      }),
    );
    return (page.Items ?? []).map((item) => ({ published: item.published as PublishedItem, change: item.change as ItemVersionRecord['change'] }));
  }

  async publish(record: ItemVersionRecord): Promise<void> {
    const { tenantId, code, version } = record.published;
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.item(tenantId, code, version), entity: 'ItemVersion', ...record },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.itemCurrent(tenantId, code), entity: 'ItemPointer', tenantId, code, version },
                ConditionExpression: version === 1 ? 'attribute_not_exists(PK)' : 'version = :previous',
                ...(version === 1 ? {} : { ExpressionAttributeValues: { ':previous': version - 1 } }),
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: auditItem(
                  configurationAudit({
                    tenantId,
                    recordId: `CONFIG-${code}-V${version}`,
                    at: record.change.at,
                    by: record.change.by,
                    action: 'ItemVersionPublished',
                    before: version === 1 ? null : version - 1,
                    after: version,
                    detail: { itemCode: code, itemName: record.published.name, reason: record.change.reason },
                  }),
                ),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new InvalidTransitionError(
          `事项${code}的版本${version}已存在或版本不连续`,
          `Item ${code} version ${version} already exists or skips a version`,
          'ITEM_VERSION_CONFLICT',
        );
      }
      throw error;
    }
  }
}
