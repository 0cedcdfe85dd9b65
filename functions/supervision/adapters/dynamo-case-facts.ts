import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantDirectory, TenantProfile } from '../../catalogue/domain/service-item';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import { tenantProfileEntity } from '../../shared/table/catalogue';
import { caseEntity } from '../../shared/table/cases';

/**
 * What an event is counted with, read only: its case (item and promised days) and the tenant's profile
 * (yellow threshold, the city and province it rolls up to, its working-day closures).
 */
export class DynamoCaseFacts implements Pick<CaseRepository, 'find'>, Pick<TenantDirectory, 'profile'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }
}
