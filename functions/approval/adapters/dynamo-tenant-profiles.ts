import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantDirectory, TenantProfile } from '../../catalogue/domain/service-item';
import { tenantProfileEntity } from '../../shared/table/catalogue';

/** The tenant profiles approval counts on (working-day closures, escalation ladder, departments), read only. */
export class DynamoTenantProfiles implements Pick<TenantDirectory, 'profile'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }
}
