import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
// the audit trail (全流程电子监察) records configuration changes in the same transaction as the change
import { auditItem, configurationAudit } from '../../supervision/adapters/audit-item';
import { keys } from '../../shared/keys';
import type { ItemChange, TenantDirectory, TenantProfile } from '../domain/service-item';

/** The tenant profile as one item; a newly applied profile serves requests at once (no cache to expire). */
export class DynamoTenantDirectory implements TenantDirectory {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async profile(tenantId: string): Promise<TenantProfile | undefined> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.tenantProfile(tenantId) }));
    return result.Item?.profile as TenantProfile | undefined;
  }

  async tenantIds(): Promise<string[]> {
    const ids: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :register',
          ExpressionAttributeValues: { ':register': keys.tenantRegisterPartition() },
          ExclusiveStartKey: startKey,
        }),
      );
      ids.push(...(page.Items ?? []).map((item) => String(item.tenantId)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return ids;
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
          { Put: { TableName: this.tableName, Item: { ...keys.tenantProfile(tenantId), entity: 'TenantProfile', tenantId, profile, change } } },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.tenantRegister(tenantId), entity: 'TenantRegistration', tenantId, name: profile.tenant.name, registeredAt: change.at },
            },
          },
          { Put: { TableName: this.tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  }
}
