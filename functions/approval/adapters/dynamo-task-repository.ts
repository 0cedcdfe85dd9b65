import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { caseEventItem } from '../../intake/adapters/dynamo-case-repository';
import type { CaseEvent } from '../../intake/domain/case';
import { InvalidTransitionError } from '../../shared/errors';
import { keys } from '../../shared/keys';
import type { DepartmentTask } from '../domain/department-task';
import type { StoredTask, TaskRepository } from '../domain/ports';

export const taskItem = (task: DepartmentTask) => ({
  ...keys.task(task.tenantId, task.taskId),
  entity: 'DepartmentTask',
  GSI1PK: keys.departmentTasks(task.tenantId, task.deptId),
  GSI1SK: keys.departmentTaskSort(task.status, task.stageDeadline ?? UNSCHEDULED, task.taskId),
  ...task,
});

/** Sorts after every real deadline: a stage whose deadline cannot be counted yet (calendar gap). */
const UNSCHEDULED = '9999-12-31';

const TOKEN_FIELDS = ['callbackToken', 'tokenDispatchedAt', 'tokenExpiresAt'];

function toTask(item: Record<string, unknown>): DepartmentTask {
  const copy: Record<string, unknown> = { ...item };
  for (const field of ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'entity', ...TOKEN_FIELDS]) delete copy[field];
  return copy as unknown as DepartmentTask;
}

const concurrentChange = () =>
  new InvalidTransitionError('审批任务已被其他操作更新，请刷新后重试', 'The task was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');

export class DynamoTaskRepository implements TaskRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(tenantId: string, taskId: string): Promise<StoredTask | undefined> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.task(tenantId, taskId), ConsistentRead: true }));
    if (!result.Item) return undefined;
    const token = result.Item.callbackToken as string | undefined;
    const dispatchedAt = result.Item.tokenDispatchedAt as string | undefined;
    return { task: toTask(result.Item), ...(token ? { callbackToken: token } : {}), ...(dispatchedAt ? { tokenDispatchedAt: dispatchedAt } : {}) };
  }

  async findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]> {
    if (taskIds.length === 0) return [];
    const found: DepartmentTask[] = [];
    // BatchGet takes 100 keys at a time; a case has a handful of departments, so one round is the norm
    for (let offset = 0; offset < taskIds.length; offset += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.tableName]: { Keys: taskIds.slice(offset, offset + 100).map((taskId) => ({ ...keys.task(tenantId, taskId) })) },
      };
      while (request && Object.keys(request).length > 0) {
        const page = await this.documents.send(new BatchGetCommand({ RequestItems: request }));
        found.push(...(page.Responses?.[this.tableName] ?? []).map(toTask));
        request = page.UnprocessedKeys as typeof request;
      }
    }
    const order = new Map(taskIds.map((taskId, index) => [taskId, index]));
    return found.sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0));
  }

  async listForDepartment(tenantId: string, deptId: string, status: DepartmentTask['status'], limit: number): Promise<DepartmentTask[]> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :dept AND begins_with(GSI1SK, :status)',
        ExpressionAttributeValues: { ':dept': keys.departmentTasks(tenantId, deptId), ':status': keys.departmentTaskStatusPrefix(status) },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(toTask);
  }

  async saveAssignment(
    task: DepartmentTask,
    token: { callbackToken: string; dispatchedAt: string; expiresAt: string },
    event: CaseEvent,
    expectedStatus: DepartmentTask['status'],
  ): Promise<void> {
    await this.transact(
      { ...taskItem(task), callbackToken: token.callbackToken, tokenDispatchedAt: token.dispatchedAt, tokenExpiresAt: token.expiresAt },
      'attribute_exists(PK) AND #status = :expected AND (attribute_not_exists(tokenDispatchedAt) OR tokenDispatchedAt <= :dispatchedAt)',
      { ':expected': expectedStatus, ':dispatchedAt': token.dispatchedAt },
      event,
    );
  }

  async save(task: DepartmentTask, expectedStatus: DepartmentTask['status'], event: CaseEvent): Promise<void> {
    await this.transact(taskItem(task), '#status = :expected', { ':expected': expectedStatus }, event);
  }

  /** An update, not a put: attributes not named (the callback token) stay as they are. */
  private async transact(item: Record<string, unknown>, condition: string, values: Record<string, unknown>, event: CaseEvent): Promise<void> {
    const { PK, SK, ...attributes } = item;
    const names: Record<string, string> = { '#status': 'status' };
    const assignments = Object.entries(attributes).map(([name, value], index) => {
      names[`#a${index}`] = name;
      values[`:a${index}`] = value;
      return `#a${index} = :a${index}`;
    });
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { PK, SK },
                UpdateExpression: `SET ${assignments.join(', ')}`,
                ConditionExpression: condition,
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            { Put: { TableName: this.tableName, Item: caseEventItem(attributes.tenantId as string, event), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw concurrentChange();
      throw error;
    }
  }
}
