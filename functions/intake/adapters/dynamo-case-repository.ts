import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentTask } from '../../approval/domain/department-task';
import { applicantDigestOf } from '../../kernel/applicant';
import type { CaseEvent } from '../../kernel/events/case-events';
import type { Page } from '../../kernel/page';
import { InvalidTransitionError } from '../../shared/errors';
import { caseEntity, caseEventEntity, type ClockedStatus } from '../../shared/table/cases';
import { putNew, putOnRevision } from '../../shared/table/items';
import { keys } from '../../shared/table/keys';
import { queryPage } from '../../shared/table/reads';
import { taskEntity } from '../../shared/table/tasks';
import type { Case } from '../domain/case';
import type { CaseRepository } from '../domain/ports';

/** Cases and their timelines in the case partition; accepting a case creates its department tasks in the same transaction. */
export class DynamoCaseRepository implements CaseRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(newCase: Case, event: CaseEvent): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [putNew(this.tableName, caseEntity.toItem(newCase)), caseEventEntity.putNew(this.tableName, newCase.tenantId, event)],
      }),
    );
  }

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  timeline(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    return caseEventEntity.timeline<CaseEvent>(this.documents, this.tableName, tenantId, caseId);
  }

  appendEvent(tenantId: string, event: CaseEvent): Promise<boolean> {
    return caseEventEntity.append(this.documents, this.tableName, tenantId, event);
  }

  async listForApplicant(tenantId: string, idDigest: string, limit: number): Promise<Case[]> {
    const items = await queryPage(this.documents, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :applicant',
      ExpressionAttributeValues: { ':applicant': keys.applicantCases(tenantId, applicantDigestOf(tenantId, idDigest)) },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.map((item) => caseEntity.fromItem<Case>(item));
  }

  listInStatus(tenantId: string, status: ClockedStatus, since?: string): Promise<Case[]> {
    return caseEntity.listInStatus<Case>(this.documents, this.tableName, tenantId, status, since);
  }

  pageInStatus(tenantId: string, status: ClockedStatus, page: { readonly limit: number; readonly cursor?: string }): Promise<Page<Case>> {
    return caseEntity.pageInStatus<Case>(this.documents, this.tableName, tenantId, status, page);
  }

  async save(next: Case, events: readonly CaseEvent[], newTasks: readonly DepartmentTask[] = []): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            putOnRevision(this.tableName, caseEntity.toItem(next)),
            ...events.map((event) => caseEventEntity.putNew(this.tableName, next.tenantId, event)),
            ...newTasks.map((task) => putNew(this.tableName, taskEntity.toItem(task))),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new InvalidTransitionError('办件已被其他操作更新，请刷新后重试', 'The case was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');
      }
      throw error;
    }
  }
}
