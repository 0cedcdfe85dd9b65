import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantRegistrationEntity } from '../../shared/table/catalogue';
import type { TenantRegister } from '../domain/tenant-register';

/**
 * The county register partition (`T#000000#TENANTS`, one item per county, written with each applied
 * profile), read by supervision through the table codec rather than the catalogue's adapter.
 */
export class DynamoTenantRegister implements TenantRegister {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  tenantIds(): Promise<string[]> {
    return tenantRegistrationEntity.tenantIds(this.documents, this.tableName);
  }
}
