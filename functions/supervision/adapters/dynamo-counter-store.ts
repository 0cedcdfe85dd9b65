import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { AuditRecord } from '../domain/audit';
import { auditItem } from './audit-item';
import { type CounterIncrement, rollsUp } from '../domain/counters';
import type { AuditLog, CounterChange, CounterRead, CounterStore, StoredFacts } from '../domain/ports';

/** SQS keeps a message 14 days at most; a marker outlives any redelivery of its event. */
const MARKER_DAYS = 30;
const MAX_CONFLICT_RETRIES = 12;
const TRANSACTION_LIMIT = 100;

const strip = (item: Record<string, unknown>): Record<string, unknown> => {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, entity: _entity, ...rest } = item;
  return rest;
};

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 20 * 2 ** attempt)));

export class DynamoCounterStore implements CounterStore, AuditLog {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async facts(tenantId: string, subject: string): Promise<StoredFacts> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keys.counterFacts(tenantId, subject), ConsistentRead: true }));
    return result.Item ? { facts: result.Item.facts, version: Number(result.Item.version) } : { version: 0 };
  }

  /** One Update per counter item, every field of it in one ADD: atomic, so concurrent events never lose an increment. */
  private counterUpdates(change: CounterChange) {
    const grouped = new Map<string, { key: { PK: string; SK: string }; increments: CounterIncrement[] }>();
    const addTo = (key: { PK: string; SK: string }, increment: CounterIncrement) => {
      const id = `${key.PK}|${key.SK}`;
      const entry = grouped.get(id) ?? { key, increments: [] };
      entry.increments.push(increment);
      grouped.set(id, entry);
    };
    for (const increment of change.increments) {
      if (increment.row.startsWith('STAFF#')) {
        addTo(keys.staffCounters(change.tenantId, increment.period, increment.row.slice('STAFF#'.length)), increment);
        continue;
      }
      addTo(keys.counterRow(change.tenantId, increment.period, increment.row), increment);
      if (rollsUp(increment.row)) for (const division of change.rollUpTo) addTo(keys.counterRow(division, increment.period, increment.row), increment);
    }
    return [...grouped.values()].map(({ key, increments }) => ({
      Update: {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `SET entity = :entity ADD ${increments.map((_, index) => `#f${index} :v${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(increments.map((increment, index) => [`#f${index}`, increment.field])),
        ExpressionAttributeValues: { ':entity': 'Counter', ...Object.fromEntries(increments.map((increment, index) => [`:v${index}`, increment.by])) },
      },
    }));
  }

  async apply(change: CounterChange): Promise<'applied' | 'duplicate' | 'stale'> {
    const expiresAt = Math.floor(Date.now() / 1000) + MARKER_DAYS * 86_400;
    const subject = change.subject;
    const transactItems = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.appliedEvent(change.tenantId, change.eventId), entity: 'AppliedEvent', expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { TableName: this.tableName, Item: auditItem(change.audit), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...(subject
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.counterFacts(change.tenantId, subject.key),
                  entity: 'CounterFacts',
                  facts: subject.facts,
                  version: subject.expectedVersion + 1,
                },
                ConditionExpression: subject.expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :version',
                ...(subject.expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':version': subject.expectedVersion } }),
              },
            },
          ]
        : []),
      ...this.counterUpdates(change),
    ];
    if (transactItems.length > TRANSACTION_LIMIT)
      throw new Error(`event ${change.eventId} touches ${transactItems.length} items, more than one transaction holds`);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.documents.send(new TransactWriteCommand({ TransactItems: transactItems }));
        return 'applied';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (reasons[0] === 'ConditionalCheckFailed' || reasons[1] === 'ConditionalCheckFailed') return 'duplicate';
        if (subject && reasons[2] === 'ConditionalCheckFailed') return 'stale';
        // another event's transaction touched the same counter at the same moment: try again shortly
        if (reasons.includes('TransactionConflict') && attempt < MAX_CONFLICT_RETRIES) {
          await pause(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  private async query(input: {
    KeyConditionExpression: string;
    ExpressionAttributeValues: Record<string, unknown>;
    IndexName?: string;
    Limit?: number;
    ScanIndexForward?: boolean;
  }): Promise<{ items: Record<string, unknown>[]; itemsRead: number; capacity: number }> {
    const items: Record<string, unknown>[] = [];
    let capacity = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: startKey, ReturnConsumedCapacity: 'TOTAL' }),
      );
      items.push(...(page.Items ?? []));
      capacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
      startKey = input.Limit !== undefined && items.length >= input.Limit ? undefined : page.LastEvaluatedKey;
    } while (startKey);
    return { items, itemsRead: items.length, capacity };
  }

  async readPeriod(divisionCode: string, period: string): Promise<CounterRead> {
    const { items, itemsRead, capacity } = await this.query({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.counters(divisionCode, period) },
    });
    return { rows: items.map((item) => ({ row: String(item.SK), values: strip(item) as Record<string, number> })), itemsRead, readCapacityUnits: capacity };
  }

  async readStaff(tenantId: string, period: string, staffId: string): Promise<CounterRead> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.staffCounters(tenantId, period, staffId), ReturnConsumedCapacity: 'TOTAL' }),
    );
    return {
      rows: result.Item ? [{ row: `STAFF#${staffId}`, values: strip(result.Item) as Record<string, number> }] : [],
      itemsRead: result.Item ? 1 : 0,
      readCapacityUnits: result.ConsumedCapacity?.CapacityUnits ?? 0,
    };
  }

  async ofCase(tenantId: string, caseId: string, limit: number): Promise<AuditRecord[]> {
    const { items } = await this.query({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditOfCase(tenantId, caseId) },
      Limit: limit,
    });
    return items.map((item) => strip(item) as unknown as AuditRecord);
  }

  async ofStaff(tenantId: string, staffId: string, limit: number): Promise<AuditRecord[]> {
    const { items } = await this.query({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditOfStaff(tenantId, staffId) },
      Limit: limit,
    });
    return items.map((item) => strip(item) as unknown as AuditRecord);
  }

  async ofDay(tenantId: string, day: string): Promise<AuditRecord[]> {
    const { items } = await this.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.auditDay(tenantId, day) } });
    return items.map((item) => strip(item) as unknown as AuditRecord);
  }
}
