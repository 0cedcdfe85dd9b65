import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, type QueryCommandInput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../kernel/audit-record';
import { auditRecordEntity } from '../../shared/table/audit';
import { appliedEventEntity, counterEntity, counterFactsEntity } from '../../shared/table/counters';
import { type Item, putNew } from '../../shared/table/items';
import { keys } from '../../shared/table/keys';
import { getItem, queryAll } from '../../shared/table/reads';
import { type CounterIncrement, rollsUp, type SubjectFacts } from '../domain/counters';
import type { AuditLog, CounterChange, CounterRead, CounterStore, StoredFacts } from '../domain/ports';

/** SQS keeps a message 14 days at most; a marker outlives any redelivery of its event. */
const MARKER_DAYS = 30;
const MAX_CONFLICT_RETRIES = 12;
const TRANSACTION_LIMIT = 100;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 20 * 2 ** attempt)));

export class DynamoCounterStore implements CounterStore, AuditLog {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async facts(tenantId: string, subject: string): Promise<StoredFacts> {
    return counterFactsEntity.read<SubjectFacts>(
      await getItem(this.documents, this.tableName, counterFactsEntity.key(tenantId, subject), { consistent: true }),
    );
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
        ExpressionAttributeValues: {
          ':entity': counterEntity.entity,
          ...Object.fromEntries(increments.map((increment, index) => [`:v${index}`, increment.by])),
        },
      },
    }));
  }

  async apply(change: CounterChange): Promise<'applied' | 'duplicate' | 'stale'> {
    const expiresAt = Math.floor(Date.now() / 1000) + MARKER_DAYS * 86_400;
    const subject = change.subject;
    const transactItems = [
      putNew(this.tableName, appliedEventEntity.toItem(change.tenantId, change.eventId, expiresAt)),
      putNew(this.tableName, auditRecordEntity.toItem(change.audit)),
      ...(subject
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: counterFactsEntity.toItem(change.tenantId, subject.key, subject.facts, subject.expectedVersion + 1),
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

  /** Every page (up to `Limit` items), with what the read cost. */
  private async query(input: Omit<QueryCommandInput, 'TableName'>): Promise<{ items: Item[]; itemsRead: number; capacity: number }> {
    const { items, consumedCapacityUnits } = await queryAll(this.documents, { TableName: this.tableName, ...input, ReturnConsumedCapacity: 'TOTAL' });
    return { items, itemsRead: items.length, capacity: consumedCapacityUnits };
  }

  async readPeriod(divisionCode: string, period: string): Promise<CounterRead> {
    const { items, itemsRead, capacity } = await this.query({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.counters(divisionCode, period) },
    });
    return { rows: items.map((item) => ({ row: String(item.SK), values: counterEntity.valuesOf(item) })), itemsRead, readCapacityUnits: capacity };
  }

  async readStaff(tenantId: string, period: string, staffId: string): Promise<CounterRead> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.staffCounters(tenantId, period, staffId), ReturnConsumedCapacity: 'TOTAL' }),
    );
    return {
      rows: result.Item ? [{ row: `STAFF#${staffId}`, values: counterEntity.valuesOf(result.Item) }] : [],
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
    return items.map(auditRecordEntity.fromItem);
  }

  async ofStaff(tenantId: string, staffId: string, limit: number): Promise<AuditRecord[]> {
    const { items } = await this.query({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditOfStaff(tenantId, staffId) },
      Limit: limit,
    });
    return items.map(auditRecordEntity.fromItem);
  }

  async ofDay(tenantId: string, day: string): Promise<AuditRecord[]> {
    const { items } = await this.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.auditDay(tenantId, day) } });
    return items.map(auditRecordEntity.fromItem);
  }
}
