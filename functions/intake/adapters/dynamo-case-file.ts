import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DepartmentTask } from '../../approval/domain/department-task';
import type { PublishedItem, TenantProfile } from '../../catalogue/domain/service-item';
import type { Certificate } from '../../certificates/domain/certificate';
import type { Release } from '../../certificates/domain/release';
import type { CaseEvent } from '../../kernel/events/case-events';
import type { ProvidedMaterial } from '../../materials/domain/material';
import { caseEntity, caseEventEntity } from '../../shared/table/cases';
import { itemVersionEntity, tenantProfileEntity } from '../../shared/table/catalogue';
import { caseCertificateEntity, certificateEntity, releaseEntity } from '../../shared/table/certificates';
import { attributesOf, type Item } from '../../shared/table/items';
import { keys } from '../../shared/table/keys';
import { materialEntity } from '../../shared/table/materials';
import { batchGetAll, queryAll } from '../../shared/table/reads';
import { taskEntity } from '../../shared/table/tasks';
import type { Case } from '../domain/case';
import type { CaseFile, CaseFileRelations, CaseFiles } from '../domain/ports';

/**
 * The case view's reads on the platform table: the whole case partition (the case, `EVT#`, `MAT#`, `RELEASE`, `CERT#`;
 * uploads and reviews are skipped) in one strongly consistent query, and the items of other partitions it names in one
 * BatchGetItem, so a case view costs two calls and the calendar (cached) at most a third.
 */
export class DynamoCaseFiles implements CaseFiles {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(tenantId: string, caseId: string): Promise<CaseFile | undefined> {
    const { items } = await queryAll(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId) },
      ConsistentRead: true,
    });
    const ofEntity = (entity: string) => items.filter((item) => item.entity === entity);
    const stored = ofEntity(caseEntity.entity)[0];
    if (!stored) return undefined;
    const release = ofEntity(releaseEntity.entity)[0];
    return {
      case: caseEntity.fromItem<Case>(stored),
      timeline: ofEntity(caseEventEntity.entity).map((item) => attributesOf<CaseEvent>(item)),
      checklist: ofEntity(materialEntity.entity).map((item) => attributesOf<ProvidedMaterial>(item)),
      ...(release ? { release: releaseEntity.fromItem<Release>(release) } : {}),
      certificateNos: ofEntity(caseCertificateEntity.entity).map((item) => String(item.certificateNo)),
    };
  }

  async relations(
    tenantId: string,
    wanted: { readonly taskIds: readonly string[]; readonly certificateNos: readonly string[]; readonly itemCode: string; readonly itemVersion: number },
  ): Promise<CaseFileRelations> {
    // a case has a few tasks and one certificate per item: one call, far below BatchGetItem's 100 keys
    const found = await batchGetAll(
      this.documents,
      this.tableName,
      [
        ...wanted.taskIds.map((taskId) => keys.task(tenantId, taskId)),
        ...wanted.certificateNos.map((certificateNo) => keys.certificate(tenantId, certificateNo)),
        keys.tenantProfile(tenantId),
        keys.item(tenantId, wanted.itemCode, wanted.itemVersion),
      ],
      { consistent: true },
    );
    const ofEntity = (entity: string): Item[] => found.filter((item) => item.entity === entity);
    const order = (ids: readonly string[], id: (item: Item) => string) => (items: Item[]) => [...items].sort((a, b) => ids.indexOf(id(a)) - ids.indexOf(id(b)));
    const tasks = order(wanted.taskIds, (item) => String(item.taskId))(ofEntity(taskEntity.entity)).map((item) => taskEntity.fromItem<DepartmentTask>(item));
    const certificates = ofEntity(certificateEntity.entity)
      .map((item) => certificateEntity.fromItem<Certificate>(item))
      .sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
    const profile = tenantProfileEntity.profileOf<TenantProfile>(ofEntity(tenantProfileEntity.entity)[0]);
    const item = itemVersionEntity.publishedOf<PublishedItem>(ofEntity(itemVersionEntity.entity)[0]);
    return { tasks, certificates, ...(profile ? { profile } : {}), ...(item ? { item } : {}) };
  }
}
