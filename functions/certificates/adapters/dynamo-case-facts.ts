import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemCatalogue, PublishedItem, TenantDirectory, TenantProfile } from '../../catalogue/domain/service-item';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import type { ProvidedMaterial } from '../../materials/domain/material';
import type { MaterialRepository } from '../../materials/domain/ports';
import { itemVersionEntity, tenantProfileEntity } from '../../shared/table/catalogue';
import { caseEntity } from '../../shared/table/cases';
import { materialEntity } from '../../shared/table/materials';

/**
 * What certificates and results are issued from, read only: the completed case and what it holds for
 * each material (容缺 materials are due before release), the item versions it was filed under, and the
 * tenant's profile (its working-day calendar counts the delivery deadline).
 */
export class DynamoCaseFacts
  implements Pick<CaseRepository, 'find'>, Pick<MaterialRepository, 'checklist'>, Pick<ItemCatalogue, 'itemVersion'>, Pick<TenantDirectory, 'profile'>
{
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  checklist(tenantId: string, caseId: string): Promise<ProvidedMaterial[]> {
    return materialEntity.ofCase<ProvidedMaterial>(this.documents, this.tableName, tenantId, caseId);
  }

  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return itemVersionEntity.get<PublishedItem>(this.documents, this.tableName, tenantId, itemCode, version);
  }

  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }
}
