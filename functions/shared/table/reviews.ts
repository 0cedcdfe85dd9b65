import type { ReviewEvent } from '../../kernel/events/review-events';
import { attributesOf, type Item } from './items';
import { keys } from './keys';

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
  /** The query for the tenant's ledger by deadline, optionally one status only (GSI1). */
  ledger: (tenantId: string, status?: string) => ({
    IndexName: 'GSI1',
    KeyConditionExpression: status ? 'GSI1PK = :ledger AND begins_with(GSI1SK, :status)' : 'GSI1PK = :ledger',
    ExpressionAttributeValues: { ':ledger': keys.rectificationLedger(tenantId), ...(status ? { ':status': keys.rectificationStatusPrefix(status) } : {}) },
  }),
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
