import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { configurationAudit } from '../../kernel/audit-record';
import { InvalidTransitionError } from '../../shared/errors';
// the audit trail (全流程电子监察) records configuration changes in the same transaction as the change
import { auditRecordEntity } from '../../shared/table/audit';
import { itemPointerEntity, itemVersionEntity } from '../../shared/table/catalogue';
import { putNew } from '../../shared/table/items';
import { queryPage } from '../../shared/table/reads';
import type { ItemCatalogue, ItemVersionRecord, PublishedItem } from '../domain/service-item';

/**
 * Published item versions. A version is written once and never changed; the CURRENT pointer names
 * the version new cases are filed under, and moves only forward, one version at a time.
 */
export class DynamoItemCatalogue implements ItemCatalogue {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined> {
    return itemVersionEntity.current<PublishedItem>(this.documents, this.tableName, tenantId, itemCode);
  }

  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return itemVersionEntity.get<PublishedItem>(this.documents, this.tableName, tenantId, itemCode, version);
  }

  async versions(tenantId: string, itemCode: string): Promise<ItemVersionRecord[]> {
    const items = await queryPage(this.documents, { TableName: this.tableName, ...itemVersionEntity.versionsOf(tenantId, itemCode) });
    return items.map((item) => itemVersionEntity.recordOf<ItemVersionRecord>(item));
  }

  async publish(record: ItemVersionRecord): Promise<void> {
    const { tenantId, code, version } = record.published;
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            putNew(this.tableName, itemVersionEntity.toItem(record)),
            {
              Put: {
                TableName: this.tableName,
                Item: itemPointerEntity.toItem(tenantId, code, version),
                ConditionExpression: version === 1 ? 'attribute_not_exists(PK)' : 'version = :previous',
                ...(version === 1 ? {} : { ExpressionAttributeValues: { ':previous': version - 1 } }),
              },
            },
            putNew(
              this.tableName,
              auditRecordEntity.toItem(
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
            ),
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
