import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReviewEvent } from '../../kernel/events/review-events';
import type { Page } from '../../kernel/page';
import { decodeCursor, encodeCursor } from './cursor';
import { attributesOf, type Item } from './items';
import { keys } from './keys';
import { queryPage } from './reads';

/** One review per case per touchpoint (一事一评, `REVIEW#<touchpoint>` in the case partition): the key makes a second one impossible. */
export const reviewEntity = {
  entity: 'Review',
  toItem: <R extends { tenantId: string; caseId: string; touchpoint: string }>(review: R) => ({
    ...keys.review(review.tenantId, review.caseId, review.touchpoint),
    entity: 'Review',
    ...review,
  }),
  fromItem: <R>(item: Item): R => attributesOf<R>(item),
  /** The query for every review of a case. */
  ofCase: (tenantId: string, caseId: string) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :review)',
    ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':review': keys.reviewPrefix },
  }),
};

/** What the table indexes of a ledger entry: the tenant's ledger by status and deadline (GSI1). */
export interface IndexedRectification {
  readonly tenantId: string;
  readonly rectificationId: string;
  readonly status: string;
  readonly deadline: string;
}

/** A rectification ledger entry (整改台账) in its own partition `T#<tenant>#RECT#<id>`. */
export const rectificationEntity = {
  entity: 'Rectification',
  key: (tenantId: string, rectificationId: string) => keys.rectification(tenantId, rectificationId),
  toItem: <R extends IndexedRectification>(entry: R) => ({
    ...keys.rectification(entry.tenantId, entry.rectificationId),
    entity: 'Rectification',
    GSI1PK: keys.rectificationLedger(entry.tenantId),
    GSI1SK: keys.rectificationLedgerSort(entry.status, entry.deadline, entry.rectificationId),
    ...entry,
  }),
  fromItem: <R>(item: Item): R => attributesOf<R>(item),
  /**
   * One page of the tenant's ledger (GSI1: by status, then deadline), optionally one status only; the cursor is bound to
   * the tenant's ledger and, for one status, to its prefix (400 INVALID_CURSOR otherwise).
   */
  page: async <R>(
    documents: DynamoDBDocumentClient,
    tableName: string,
    tenantId: string,
    status: string | undefined,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<R>> => {
    const partition = keys.rectificationLedger(tenantId);
    const prefix = status ? keys.rectificationStatusPrefix(status) : undefined;
    const items = await queryPage(documents, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: prefix ? 'GSI1PK = :ledger AND begins_with(GSI1SK, :status)' : 'GSI1PK = :ledger',
      ExpressionAttributeValues: { ':ledger': partition, ...(prefix ? { ':status': prefix } : {}) },
      ExclusiveStartKey: decodeCursor(page.cursor, 'GSI1PK', partition, prefix ? { attribute: 'GSI1SK', prefix } : undefined),
      Limit: page.limit + 1,
    });
    const shown = items.slice(0, page.limit);
    const last = items.length > page.limit ? shown[shown.length - 1] : undefined;
    return {
      items: shown.map((item) => attributesOf<R>(item)),
      nextCursor: last ? encodeCursor({ PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK }) : undefined,
    };
  },
};

/**
 * The outbox item of a review or ledger event (`REVEVT#<eventId>`), beside its subject: the case of a
 * review, the entry of a ledger step. It carries its tenant, since the relay reads no case partition.
 */
export const reviewEventEntity = {
  entity: 'ReviewEvent',
  toItem: (tenantId: string, event: ReviewEvent) => {
    const partition =
      event.rectificationId && event.type !== 'ReviewSubmitted'
        ? keys.rectificationPartition(tenantId, event.rectificationId)
        : keys.casePartition(tenantId, event.caseId ?? '');
    return { ...keys.reviewEvent(partition, event.eventId), entity: 'ReviewEvent', tenantId, ...event };
  },
};
