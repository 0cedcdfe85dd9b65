import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attributesOf, type Item } from './items';
import { keys } from './keys';
import { queryAll } from './reads';

/** One upload attempt of a material, in the case partition (`UPL#<materialId>#<uploadId>`). */
export const materialUploadEntity = {
  entity: 'MaterialUpload',
  key: (tenantId: string, caseId: string, materialId: string, uploadId: string) => keys.materialUpload(tenantId, caseId, materialId, uploadId),
  toItem: <U extends { tenantId: string; caseId: string; materialId: string; uploadId: string }>(upload: U) => ({
    ...keys.materialUpload(upload.tenantId, upload.caseId, upload.materialId, upload.uploadId),
    entity: 'MaterialUpload',
    ...upload,
  }),
  fromItem: <U>(item: Item): U => attributesOf<U>(item),
};

/** What the case holds for one material (`MAT#<materialId>`): the latest verified upload or a certificate reference. */
export const materialEntity = {
  entity: 'Material',
  key: (tenantId: string, caseId: string, materialId: string) => keys.material(tenantId, caseId, materialId),
  toItem: <M extends { tenantId: string; caseId: string; materialId: string }>(provided: M) => ({
    ...keys.material(provided.tenantId, provided.caseId, provided.materialId),
    entity: 'Material',
    ...provided,
  }),
  fromItem: <M>(item: Item): M => attributesOf<M>(item),
  /** Every material entry of a case (and nothing else of it), strongly consistent: the checklist a decision is made on. */
  ofCase: async <M>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, caseId: string): Promise<M[]> => {
    const { items } = await queryAll(documents, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :material)',
      ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':material': keys.materialPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => attributesOf<M>(item));
  },
};
