import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { configurationAudit } from '../../kernel/audit-record';
// the audit trail (全流程电子监察) records configuration changes in the same transaction as the change
import { auditRecordEntity } from '../../shared/table/audit';
import { tenantProfileEntity, tenantRegistrationEntity } from '../../shared/table/catalogue';
import { putAlways, putNew } from '../../shared/table/items';
import type { ItemChange, TenantDirectory, TenantProfile } from '../domain/service-item';

/** The tenant profile as one item; a newly applied profile serves requests at once (no cache to expire). */
export class DynamoTenantDirectory implements TenantDirectory {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }

  tenantIds(): Promise<string[]> {
    return tenantRegistrationEntity.tenantIds(this.documents, this.tableName);
  }

  async saveProfile(profile: TenantProfile, change: ItemChange): Promise<void> {
    const tenantId = profile.tenant.tenantId;
    const before = await this.profile(tenantId);
    const settings = (of: TenantProfile) => ({
      supervision: of.supervision,
      reviews: of.reviews,
      departments: of.departments.length,
      halls: of.halls.length,
      items: of.itemCodes.length,
    });
    const audit = configurationAudit({
      tenantId,
      recordId: `CONFIG-PROFILE-${change.at}`,
      at: change.at,
      by: change.by,
      action: 'TenantProfileApplied',
      before: before ? settings(before) : null,
      after: settings(profile),
      detail: { reason: change.reason },
    });
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          putAlways(this.tableName, tenantProfileEntity.toItem(tenantId, profile, change)),
          putAlways(this.tableName, tenantRegistrationEntity.toItem(tenantId, profile.tenant.name, change.at)),
          putNew(this.tableName, auditRecordEntity.toItem(audit)),
        ],
      }),
    );
  }
}
