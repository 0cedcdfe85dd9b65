import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidTransitionError } from '../../shared/errors';
import { keys } from '../../shared/keys';
import type { ReviewStore } from '../domain/ports';
import type { Rectification, RectificationStatus } from '../domain/rectification';
import { alreadyReviewed, type Review } from '../domain/review';
import type { ReviewEvent } from '../domain/review-event';

const reviewItem = (review: Review) => ({ ...keys.review(review.tenantId, review.caseId, review.touchpoint), entity: 'Review', ...review });

const rectificationItem = (entry: Rectification) => ({
  ...keys.rectification(entry.tenantId, entry.rectificationId),
  entity: 'Rectification',
  GSI1PK: keys.rectificationLedger(entry.tenantId),
  GSI1SK: keys.rectificationLedgerSort(entry.status, entry.deadline, entry.rectificationId),
  ...entry,
});

/** Review events live beside their subject: the case of a review, the entry of a ledger step. */
const eventItem = (tenantId: string, event: ReviewEvent) => {
  const partition =
    event.rectificationId && event.type !== 'ReviewSubmitted'
      ? keys.rectificationPartition(tenantId, event.rectificationId)
      : keys.casePartition(tenantId, event.caseId ?? '');
  return { ...keys.reviewEvent(partition, event.eventId), entity: 'ReviewEvent', tenantId, ...event };
};

const created = (TableName: string) => (Item: Record<string, unknown>) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } });

const strip = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, entity: _entity, ...rest } = item;
  return rest as T;
};

export class DynamoReviewStore implements ReviewStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveReview(review: Review, events: readonly ReviewEvent[], opened?: Rectification): Promise<void> {
    const put = created(this.tableName);
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            put(reviewItem(review)),
            ...(opened ? [put(rectificationItem(opened))] : []),
            ...events.map((event) => put(eventItem(review.tenantId, event))),
          ],
        }),
      );
    } catch (error) {
      // the review is the first item: its condition failing means the touchpoint was rated already
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
        throw alreadyReviewed(review.touchpoint);
      throw error;
    }
  }

  async reviewsOfCase(tenantId: string, caseId: string): Promise<Review[]> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :review)',
        ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':review': keys.reviewPrefix },
        ConsistentRead: true,
      }),
    );
    return (page.Items ?? []).map((item) => strip<Review>(item));
  }

  async openRectification(entry: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    const put = created(this.tableName);
    await this.documents.send(
      new TransactWriteCommand({ TransactItems: [put(rectificationItem(entry)), ...events.map((event) => put(eventItem(entry.tenantId, event)))] }),
    );
  }

  async findRectification(tenantId: string, rectificationId: string): Promise<Rectification | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.rectification(tenantId, rectificationId), ConsistentRead: true }),
    );
    return result.Item ? strip<Rectification>(result.Item) : undefined;
  }

  async saveRectification(next: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    const put = created(this.tableName);
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: rectificationItem(next),
                ConditionExpression: 'revision = :previous',
                ExpressionAttributeValues: { ':previous': next.revision - 1 },
              },
            },
            ...events.map((event) => put(eventItem(next.tenantId, event))),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new InvalidTransitionError('整改事项已被其他操作更新，请刷新后重试', 'The entry was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');
      }
      throw error;
    }
  }

  async listRectifications(tenantId: string, status: RectificationStatus | undefined, limit: number): Promise<Rectification[]> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: status ? 'GSI1PK = :ledger AND begins_with(GSI1SK, :status)' : 'GSI1PK = :ledger',
        ExpressionAttributeValues: { ':ledger': keys.rectificationLedger(tenantId), ...(status ? { ':status': keys.rectificationStatusPrefix(status) } : {}) },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => strip<Rectification>(item));
  }
}
