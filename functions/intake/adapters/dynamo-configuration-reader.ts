import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemCatalogue, PublishedItem, TenantDirectory, TenantProfile } from '../../catalogue/domain/service-item';
import { itemVersionEntity, tenantProfileEntity } from '../../shared/table/catalogue';

/** The published configuration intake files cases under: the tenant's profile and its item versions (read only). */
export class DynamoConfigurationReader implements Pick<ItemCatalogue, 'publishedItem' | 'itemVersion'>, Pick<TenantDirectory, 'profile'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }

  publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined> {
    return itemVersionEntity.current<PublishedItem>(this.documents, this.tableName, tenantId, itemCode);
  }

  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return itemVersionEntity.get<PublishedItem>(this.documents, this.tableName, tenantId, itemCode, version);
  }
}
