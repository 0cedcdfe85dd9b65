import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidTransitionError } from '../../shared/errors';
import { caseEntity, caseEventEntity } from '../../shared/table/cases';
import { putAlways, type TransactItem } from '../../shared/table/items';
import { materialEntity, materialUploadEntity } from '../../shared/table/materials';
import { getItem } from '../../shared/table/reads';
import type { MaterialEvent, MaterialUpload, ProvidedMaterial, ReferencedMaterial, UploadedMaterial } from '../domain/material';
import type { MaterialRepository } from '../domain/ports';

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
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: materialUploadEntity.toItem(upload), ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  }

  async findUpload(tenantId: string, caseId: string, materialId: string, uploadId: string): Promise<MaterialUpload | undefined> {
    const item = await getItem(this.documents, this.tableName, materialUploadEntity.key(tenantId, caseId, materialId, uploadId), { consistent: true });
    return item ? materialUploadEntity.fromItem<MaterialUpload>(item) : undefined;
  }

  async recordVerified(change: { upload: MaterialUpload; provided: UploadedMaterial; event: MaterialEvent }): Promise<boolean> {
    return this.whilePending([
      { Put: { TableName: this.tableName, Item: materialUploadEntity.toItem(change.upload), ...onlyIfPending } },
      // unconditional: the latest verified upload replaces whatever the material held
      putAlways(this.tableName, materialEntity.toItem(change.provided)),
      caseEventEntity.putNew(this.tableName, change.upload.tenantId, change.event),
    ]);
  }

  async recordRejected(change: { upload: MaterialUpload; event: MaterialEvent }): Promise<boolean> {
    return this.whilePending([
      { Put: { TableName: this.tableName, Item: materialUploadEntity.toItem(change.upload), ...onlyIfPending } },
      caseEventEntity.putNew(this.tableName, change.upload.tenantId, change.event),
    ]);
  }

  private async whilePending(TransactItems: TransactItem[]): Promise<boolean> {
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
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            // the case must still take materials when the reference is written, not only when it was checked
            caseEntity.inStatus(this.tableName, tenantId, caseId, caseStatuses),
            putAlways(this.tableName, materialEntity.toItem(change.provided)),
            caseEventEntity.putNew(this.tableName, tenantId, change.event),
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

  checklist(tenantId: string, caseId: string): Promise<ProvidedMaterial[]> {
    return materialEntity.ofCase<ProvidedMaterial>(this.documents, this.tableName, tenantId, caseId);
  }

  async provided(tenantId: string, caseId: string, materialId: string): Promise<ProvidedMaterial | undefined> {
    const item = await getItem(this.documents, this.tableName, materialEntity.key(tenantId, caseId, materialId), { consistent: true });
    return item ? materialEntity.fromItem<ProvidedMaterial>(item) : undefined;
  }
}
