import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/table/keys';
import type { TenantRegister } from '../domain/tenant-register';

/**
 * The county register partition (`T#000000#TENANTS`, one item per county, written with each applied
 * profile), read by supervision without going through the catalogue: one Query, only the ids.
 */
export class DynamoTenantRegister implements TenantRegister {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async tenantIds(): Promise<string[]> {
    const ids: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :register',
          ExpressionAttributeValues: { ':register': keys.tenantRegisterPartition() },
          ProjectionExpression: 'tenantId',
          ExclusiveStartKey: startKey,
        }),
      );
      ids.push(...(page.Items ?? []).map((item) => String(item.tenantId)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return ids;
  }
}
