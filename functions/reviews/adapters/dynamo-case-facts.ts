import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemCatalogue, PublishedItem, TenantDirectory, TenantProfile } from '../../catalogue/domain/service-item';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import type { CaseEvent } from '../../kernel/events/case-events';
import { itemVersionEntity, tenantProfileEntity } from '../../shared/table/catalogue';
import { caseEntity, caseEventEntity } from '../../shared/table/cases';

/**
 * What a review is linked to, read only: the case and its timeline (who handled it), the item version it
 * was filed under (its departments), and the tenant's profile (touchpoints, ledger time limit, calendar).
 */
export class DynamoCaseFacts implements Pick<CaseRepository, 'find' | 'timeline'>, Pick<ItemCatalogue, 'itemVersion'>, Pick<TenantDirectory, 'profile'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  timeline(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    return caseEventEntity.timeline<CaseEvent>(this.documents, this.tableName, tenantId, caseId);
  }

  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return itemVersionEntity.get<PublishedItem>(this.documents, this.tableName, tenantId, itemCode, version);
  }

  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }
}
