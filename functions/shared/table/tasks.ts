import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attributesOf, type Item } from './items';
import { keys } from './keys';
import { batchGetAll, getItem } from './reads';

/** Sorts after every real deadline: a stage whose deadline cannot be counted yet (calendar gap). */
const UNSCHEDULED = '9999-12-31';

/** Kept on the task item for the approval workflow only; never part of the task as the domain sees it. */
const TOKEN_ATTRIBUTES = ['callbackToken', 'tokenDispatchedAt', 'tokenExpiresAt'] as const;

/** What the table indexes of a department task: its department's work list by status and stage deadline (GSI1). */
export interface IndexedTask {
  readonly tenantId: string;
  readonly taskId: string;
  readonly deptId: string;
  readonly status: string;
  readonly stageDeadline?: string;
}

/** A department task (审批任务) in its own partition `T#<tenant>#TASK#<taskId>`. */
export const taskEntity = {
  entity: 'DepartmentTask',
  key: (tenantId: string, taskId: string) => keys.task(tenantId, taskId),
  toItem: <T extends IndexedTask>(task: T) => ({
    ...keys.task(task.tenantId, task.taskId),
    entity: 'DepartmentTask',
    GSI1PK: keys.departmentTasks(task.tenantId, task.deptId),
    GSI1SK: keys.departmentTaskSort(task.status, task.stageDeadline ?? UNSCHEDULED, task.taskId),
    ...task,
  }),
  fromItem: <T>(item: Item): T => attributesOf<T>(item, TOKEN_ATTRIBUTES),
  /** The workflow's current callback token on the item, and when it was dispatched. */
  tokenOf: (item: Item): { callbackToken?: string; tokenDispatchedAt?: string } => {
    const token = item.callbackToken as string | undefined;
    const dispatchedAt = item.tokenDispatchedAt as string | undefined;
    return { ...(token ? { callbackToken: token } : {}), ...(dispatchedAt ? { tokenDispatchedAt: dispatchedAt } : {}) };
  },
  /** The task as last written (strongly consistent), with the workflow's current token; undefined when there is none. */
  get: async <T>(
    documents: DynamoDBDocumentClient,
    tableName: string,
    tenantId: string,
    taskId: string,
  ): Promise<({ task: T } & { callbackToken?: string; tokenDispatchedAt?: string }) | undefined> => {
    const item = await getItem(documents, tableName, keys.task(tenantId, taskId), { consistent: true });
    return item ? { task: attributesOf<T>(item, TOKEN_ATTRIBUTES), ...taskEntity.tokenOf(item) } : undefined;
  },
  /** The tasks with these ids that exist, in the order of the ids (a case has a handful: one BatchGet round). */
  getMany: async <T extends { taskId: string }>(
    documents: DynamoDBDocumentClient,
    tableName: string,
    tenantId: string,
    taskIds: readonly string[],
  ): Promise<T[]> => {
    if (taskIds.length === 0) return [];
    const found = (
      await batchGetAll(
        documents,
        tableName,
        taskIds.map((taskId) => keys.task(tenantId, taskId)),
      )
    ).map((item) => attributesOf<T>(item, TOKEN_ATTRIBUTES));
    const order = new Map(taskIds.map((taskId, index) => [taskId, index]));
    return found.sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0));
  },
  /** The attributes that store a (re)assignment's token beside the task. */
  tokenAttributes: (token: { callbackToken: string; dispatchedAt: string; expiresAt: string }) => ({
    callbackToken: token.callbackToken,
    tokenDispatchedAt: token.dispatchedAt,
    tokenExpiresAt: token.expiresAt,
  }),
};
