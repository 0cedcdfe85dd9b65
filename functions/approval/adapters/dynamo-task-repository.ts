import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent } from '../../kernel/events/case-events';
import type { Page } from '../../kernel/page';
import { InvalidTransitionError } from '../../shared/errors';
import { caseEventEntity } from '../../shared/table/cases';
import { decodeCursor, encodeCursor } from '../../shared/table/cursor';
import { updateAttributes } from '../../shared/table/items';
import { queryPage } from '../../shared/table/reads';
import { keys } from '../../shared/table/keys';
import { taskEntity } from '../../shared/table/tasks';
import type { DepartmentTask } from '../domain/department-task';
import type { StoredTask, TaskRepository } from '../domain/ports';

const concurrentChange = () =>
  new InvalidTransitionError('审批任务已被其他操作更新，请刷新后重试', 'The task was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');

/** Department tasks in their own partitions, the workflow's callback token on the item; every change is written with its case event. */
export class DynamoTaskRepository implements TaskRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, taskId: string): Promise<StoredTask | undefined> {
    return taskEntity.get<DepartmentTask>(this.documents, this.tableName, tenantId, taskId);
  }

  findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]> {
    return taskEntity.getMany<DepartmentTask>(this.documents, this.tableName, tenantId, taskIds);
  }

  async pageForDepartment(
    tenantId: string,
    deptId: string,
    status: DepartmentTask['status'],
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DepartmentTask>> {
    const partition = keys.departmentTasks(tenantId, deptId);
    const prefix = keys.departmentTaskStatusPrefix(status);
    const items = await queryPage(this.documents, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :dept AND begins_with(GSI1SK, :status)',
      ExpressionAttributeValues: { ':dept': partition, ':status': prefix },
      ExclusiveStartKey: decodeCursor(page.cursor, 'GSI1PK', partition, { attribute: 'GSI1SK', prefix }),
      Limit: page.limit + 1,
    });
    const shown = items.slice(0, page.limit);
    const last = items.length > page.limit ? shown[shown.length - 1] : undefined;
    return {
      items: shown.map((item) => taskEntity.fromItem<DepartmentTask>(item)),
      nextCursor: last ? encodeCursor({ PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK }) : undefined,
    };
  }

  async saveAssignment(
    task: DepartmentTask,
    token: { callbackToken: string; dispatchedAt: string; expiresAt: string },
    event: CaseEvent,
    expectedStatus: DepartmentTask['status'],
  ): Promise<void> {
    await this.transact(
      { ...taskEntity.toItem(task), ...taskEntity.tokenAttributes(token) },
      'attribute_exists(PK) AND #status = :expected AND (attribute_not_exists(tokenDispatchedAt) OR tokenDispatchedAt <= :dispatchedAt)',
      { ':expected': expectedStatus, ':dispatchedAt': token.dispatchedAt },
      task.tenantId,
      event,
    );
  }

  async save(task: DepartmentTask, expectedStatus: DepartmentTask['status'], event: CaseEvent): Promise<void> {
    await this.transact(taskEntity.toItem(task), '#status = :expected', { ':expected': expectedStatus }, task.tenantId, event);
  }

  /** An update, not a put: attributes not named (the callback token) stay as they are. */
  private async transact(item: object, condition: string, values: Record<string, unknown>, tenantId: string, event: CaseEvent): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [updateAttributes(this.tableName, item, condition, values), caseEventEntity.putNew(this.tableName, tenantId, event)],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw concurrentChange();
      throw error;
    }
  }
}
