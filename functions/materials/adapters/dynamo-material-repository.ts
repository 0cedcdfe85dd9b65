import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { caseEventItem } from '../../intake/adapters/dynamo-case-repository';
import { InvalidTransitionError } from '../../shared/errors';
import { keys } from '../../shared/keys';
import type { MaterialEvent, MaterialUpload, ProvidedMaterial, ReferencedMaterial, UploadedMaterial } from '../domain/material';
import type { MaterialRepository } from '../domain/ports';

const uploadItem = (upload: MaterialUpload) => ({
  ...keys.materialUpload(upload.tenantId, upload.caseId, upload.materialId, upload.uploadId),
  entity: 'MaterialUpload',
  ...upload,
});

const materialItem = (provided: ProvidedMaterial) => ({
  ...keys.material(provided.tenantId, provided.caseId, provided.materialId),
  entity: 'Material',
  ...provided,
});

// material events share the intake timeline and its item shape; the cast goes once caseEventTypes lists them
const eventItem = (tenantId: string, event: MaterialEvent) => caseEventItem(tenantId, event);

const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, entity: _entity, ...rest } = item;
  return rest as T;
};

const onlyIfPending = {
  ConditionExpression: '#status = :pending',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':pending': 'pending' },
};

/** Uploads and material entries in the case partition, next to the case and its timeline. */
export class DynamoMaterialRepository implements MaterialRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createUpload(upload: MaterialUpload): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: uploadItem(upload), ConditionExpression: 'attribute_not_exists(PK)' }));
  }

  async findUpload(tenantId: string, caseId: string, materialId: string, uploadId: string): Promise<MaterialUpload | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.materialUpload(tenantId, caseId, materialId, uploadId), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<MaterialUpload>(result.Item) : undefined;
  }

  async recordVerified(change: { upload: MaterialUpload; provided: UploadedMaterial; event: MaterialEvent }): Promise<boolean> {
    return this.whilePending([
      { Put: { TableName: this.tableName, Item: uploadItem(change.upload), ...onlyIfPending } },
      // unconditional: the latest verified upload replaces whatever the material held
      { Put: { TableName: this.tableName, Item: materialItem(change.provided) } },
      { Put: { TableName: this.tableName, Item: eventItem(change.upload.tenantId, change.event), ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
  }

  async recordRejected(change: { upload: MaterialUpload; event: MaterialEvent }): Promise<boolean> {
    return this.whilePending([
      { Put: { TableName: this.tableName, Item: uploadItem(change.upload), ...onlyIfPending } },
      { Put: { TableName: this.tableName, Item: eventItem(change.upload.tenantId, change.event), ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
  }

  private async whilePending(TransactItems: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>): Promise<boolean> {
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems }));
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async recordReference(change: { provided: ReferencedMaterial; event: MaterialEvent }, caseStatuses: readonly string[]): Promise<void> {
    const { tenantId, caseId } = change.provided;
    const statusValues = Object.fromEntries(caseStatuses.map((status, index) => [`:status${index}`, status]));
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // the case must still take materials when the reference is written, not only when it was checked
              ConditionCheck: {
                TableName: this.tableName,
                Key: keys.case(tenantId, caseId),
                ConditionExpression: `#status IN (${Object.keys(statusValues).join(', ')})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: statusValues,
              },
            },
            { Put: { TableName: this.tableName, Item: materialItem(change.provided) } },
            { Put: { TableName: this.tableName, Item: eventItem(tenantId, change.event), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new InvalidTransitionError(
          '办件状态已变化，不能再提交材料，请刷新后重试',
          'The case changed meanwhile and no longer takes materials; reload and retry',
          'CASE_STATE_CONFLICT',
        );
      }
      throw error;
    }
  }

  async checklist(tenantId: string, caseId: string): Promise<ProvidedMaterial[]> {
    const entries: ProvidedMaterial[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :material)',
          ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':material': keys.materialPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      entries.push(...(page.Items ?? []).map((item) => stripKeys<ProvidedMaterial>(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return entries;
  }

  async provided(tenantId: string, caseId: string, materialId: string): Promise<ProvidedMaterial | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.material(tenantId, caseId, materialId), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<ProvidedMaterial>(result.Item) : undefined;
  }
}
