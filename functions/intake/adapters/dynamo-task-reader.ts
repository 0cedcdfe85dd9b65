import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DepartmentTask } from '../../approval/domain/department-task';
import type { TaskRepository } from '../../approval/domain/ports';
import { taskEntity } from '../../shared/table/tasks';

/** The department tasks of a case, as intake reads them to start the workflow and to show the case (read only). */
export class DynamoTaskReader implements Pick<TaskRepository, 'findMany'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]> {
    return taskEntity.getMany<DepartmentTask>(this.documents, this.tableName, tenantId, taskIds);
  }
}
