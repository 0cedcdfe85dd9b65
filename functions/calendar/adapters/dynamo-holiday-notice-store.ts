import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, type QueryCommandInput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarYearRecord } from '../../domain/calendar';
import { configurationAudit } from '../../kernel/audit-record';
import { InvalidTransitionError } from '../../shared/errors';
// the audit trail (全流程电子监察) records every load in the same transaction as the load itself
import { auditRecordEntity } from '../../shared/table/audit';
import { calendarEventEntity, calendarNoticeEntity, calendarNoticeVersionEntity, type NoticeAttributes } from '../../shared/table/calendar';
import { type Item, putNew } from '../../shared/table/items';
import { keys } from '../../shared/table/keys';
import { getItem, queryAll } from '../../shared/table/reads';
import type { HolidayNoticeStore, StoredNotice } from '../domain/ports';

/** Cancellation reasons that mean another load got there first (anything else is a real failure). */
const lostRace = new Set(['None', 'ConditionalCheckFailed', 'TransactionConflict']);

function storedNoticeOf(item: Item): StoredNotice {
  return {
    notice: item.notice as CalendarYearRecord,
    version: item.version as number,
    loadedAt: item.loadedAt as string,
    loadedBy: item.loadedBy as string,
    ...(typeof item.reason === 'string' ? { reason: item.reason } : {}),
    previousVersion: (item.previousVersion as number | null | undefined) ?? null,
  };
}

/** The attributes of a stored notice, without `undefined` values (the client may not be set to drop them). */
function attributesOf(stored: StoredNotice): NoticeAttributes {
  return {
    year: stored.notice.year,
    notice: stored.notice,
    version: stored.version,
    loadedAt: stored.loadedAt,
    loadedBy: stored.loadedBy,
    ...(stored.reason !== undefined ? { reason: stored.reason } : {}),
    previousVersion: stored.previousVersion,
  };
}

const summaryOf = (stored: StoredNotice) => ({
  version: stored.version,
  documentNumber: stored.notice.documentNumber,
  publishedOn: stored.notice.publishedOn,
  holidays: stored.notice.holidays.length,
});

/**
 * The national holiday notices in the one table, under the national level `000000`: an immutable item per
 * version (`NOTICE#<year>#V#<n>`) and a current pointer per year (`CURRENT#<year>`) carrying a copy of the
 * record, so the calendar every function needs is one Query.
 */
export class DynamoHolidayNoticeStore implements HolidayNoticeStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async current(): Promise<StoredNotice[]> {
    const items = await this.queryAll(calendarNoticeEntity.current());
    return items.map(storedNoticeOf).sort((a, b) => a.notice.year - b.notice.year);
  }

  async versions(year: number): Promise<StoredNotice[]> {
    const items = await this.queryAll(calendarNoticeVersionEntity.versionsOf(year));
    return items.map(storedNoticeOf);
  }

  async publish(stored: StoredNotice, eventId: string): Promise<void> {
    const { year, documentNumber } = stored.notice;
    const { version, previousVersion } = stored;
    // versions are immutable, so the one replaced can be read outside the transaction for the audit's "before"
    const replaced = previousVersion === null ? undefined : await this.version(year, previousVersion);
    const audit = configurationAudit({
      tenantId: keys.nationalLevel,
      recordId: `CALENDAR-${year}-V${version}`,
      at: stored.loadedAt,
      by: stored.loadedBy,
      action: 'CalendarNoticeLoaded',
      before: replaced ? summaryOf(replaced) : null,
      after: summaryOf(stored),
      detail: { year, version, documentNumber, ...(stored.reason !== undefined ? { reason: stored.reason } : {}) },
    });
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            putNew(this.tableName, calendarNoticeVersionEntity.toItem(attributesOf(stored))),
            {
              Put: {
                TableName: this.tableName,
                Item: calendarNoticeEntity.toItem(attributesOf(stored)),
                // the pointer moves only from the version this load was based on: a concurrent load loses here
                ConditionExpression: previousVersion === null ? 'attribute_not_exists(PK)' : 'version = :previous',
                ...(previousVersion === null ? {} : { ExpressionAttributeValues: { ':previous': previousVersion } }),
              },
            },
            putNew(this.tableName, auditRecordEntity.toItem(audit)),
            putNew(
              this.tableName,
              calendarEventEntity.toItem({
                eventId,
                type: 'CalendarNoticeLoaded',
                at: stored.loadedAt,
                actor: stored.loadedBy,
                role: 'operator',
                detail: { year, version, previousVersion, documentNumber },
              }),
            ),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).every((reason) => lostRace.has(reason.Code ?? 'None'))) {
        throw new InvalidTransitionError(
          `${year}年节假日安排已被其他操作更新，请重新加载`,
          `The ${year} holiday notice was changed concurrently; load it again`,
          'CONCURRENT_UPDATE',
        );
      }
      throw error;
    }
  }

  private async version(year: number, version: number): Promise<StoredNotice | undefined> {
    const item = await getItem(this.documents, this.tableName, calendarNoticeVersionEntity.key(year, version), { consistent: true });
    return item ? storedNoticeOf(item) : undefined;
  }

  /** Consistent reads: a load compares against, and functions build on, what was last written. */
  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    return (await queryAll(this.documents, { ...input, TableName: this.tableName, ConsistentRead: true })).items;
  }
}
