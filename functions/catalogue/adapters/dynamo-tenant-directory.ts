import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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

  async saveProfile(profile: TenantProfile, change: ItemChange): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.tenantProfile(profile.tenant.tenantId), entity: 'TenantProfile', tenantId: profile.tenant.tenantId, profile, change },
      }),
    );
  }
}
