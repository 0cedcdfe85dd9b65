import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentTask } from '../../approval/domain/department-task';
import { taskItem } from '../../approval/adapters/dynamo-task-repository';
import { InvalidTransitionError } from '../../shared/errors';
import { keys } from '../../shared/keys';
import type { Case, CaseEvent } from '../domain/case';
import type { CaseRepository } from '../domain/ports';

/** A stable, non-reversible key for "this applicant" so their cases can be listed without indexing the ID number. */
export const applicantDigest = (tenantId: string, idType: string, idNumber: string): string =>
  createHash('sha256').update(`${tenantId}|${idType}|${idNumber.toUpperCase()}`).digest('hex').slice(0, 32);

/** Statuses whose case still runs a clock (notice window, promised deadline or result delivery): indexed by status, the others drop out. */
export const CLOCKED_STATUSES = ['submitted', 'supplement_requested', 'accepted', 'in_approval', 'completed'] as const satisfies readonly Case['status'][];

const isClocked = (status: Case['status']): boolean => (CLOCKED_STATUSES as readonly string[]).includes(status);

const caseItem = (value: Case) => ({
  ...keys.case(value.tenantId, value.caseId),
  entity: 'Case',
  // sparse: a finished case leaves the index (the item is put whole, so the attributes simply go)
  ...(isClocked(value.status)
    ? {
        GSI1PK: keys.casesInStatus(value.tenantId, value.status),
        GSI1SK: keys.caseInStatusSort(value.completedAt ?? value.receivedAt ?? value.createdAt, value.caseId),
      }
    : {}),
  GSI2PK: keys.applicantCases(value.tenantId, applicantDigest(value.tenantId, value.applicant.idType, value.applicant.idNumber)),
  GSI2SK: keys.applicantCaseSort(value.createdAt, value.caseId),
  ...value,
});

export const caseEventItem = (tenantId: string, event: CaseEvent) => ({
  ...keys.caseEvent(tenantId, event.caseId, event.eventId),
  entity: 'CaseEvent',
  ...event,
});

const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, entity: _entity, ...rest } = item;
  return rest as T;
};

export class DynamoCaseRepository implements CaseRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(newCase: Case, event: CaseEvent): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: caseItem(newCase), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: this.tableName, Item: caseEventItem(newCase.tenantId, event), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  }

  async find(tenantId: string, caseId: string): Promise<Case | undefined> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.case(tenantId, caseId), ConsistentRead: true }));
    return result.Item ? stripKeys<Case>(result.Item) : undefined;
  }

  async timeline(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    const events: CaseEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
          ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':evt': keys.caseEventPrefix },
          ExclusiveStartKey: startKey,
        }),
      );
      events.push(...(page.Items ?? []).map((item) => stripKeys<CaseEvent>(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return events;
  }

  async appendEvent(tenantId: string, event: CaseEvent): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({ TableName: this.tableName, Item: caseEventItem(tenantId, event), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listForApplicant(tenantId: string, idType: string, idNumber: string, limit: number): Promise<Case[]> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :applicant',
        ExpressionAttributeValues: { ':applicant': keys.applicantCases(tenantId, applicantDigest(tenantId, idType, idNumber)) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => stripKeys<Case>(item));
  }

  async listInStatus(tenantId: string, status: (typeof CLOCKED_STATUSES)[number], since?: string): Promise<Case[]> {
    const cases: Case[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: since ? 'GSI1PK = :status AND GSI1SK >= :since' : 'GSI1PK = :status',
          ExpressionAttributeValues: { ':status': keys.casesInStatus(tenantId, status), ...(since ? { ':since': since } : {}) },
          ExclusiveStartKey: startKey,
        }),
      );
      cases.push(...(page.Items ?? []).map((item) => stripKeys<Case>(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return cases;
  }

  async save(next: Case, events: readonly CaseEvent[], newTasks: readonly DepartmentTask[] = []): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: caseItem(next),
                ConditionExpression: 'revision = :previous',
                ExpressionAttributeValues: { ':previous': next.revision - 1 },
              },
            },
            ...events.map((event) => ({
              Put: { TableName: this.tableName, Item: caseEventItem(next.tenantId, event), ConditionExpression: 'attribute_not_exists(PK)' },
            })),
            ...newTasks.map((task) => ({
              Put: { TableName: this.tableName, Item: taskItem(task), ConditionExpression: 'attribute_not_exists(PK)' },
            })),
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
