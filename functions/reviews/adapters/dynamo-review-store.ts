import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ReviewEvent } from '../../kernel/events/review-events';
import type { Page } from '../../kernel/page';
import { InvalidTransitionError } from '../../shared/errors';
import { putNew, putOnRevision } from '../../shared/table/items';
import { getItem, queryPage } from '../../shared/table/reads';
import { rectificationEntity, reviewEntity, reviewEventEntity } from '../../shared/table/reviews';
import type { ReviewStore } from '../domain/ports';
import type { Rectification, RectificationStatus } from '../domain/rectification';
import { alreadyReviewed, type Review } from '../domain/review';

/** Reviews in their case's partition, ledger entries in their own; each write carries its outbox events. */
export class DynamoReviewStore implements ReviewStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private eventPuts(tenantId: string, events: readonly ReviewEvent[]) {
    return events.map((event) => putNew(this.tableName, reviewEventEntity.toItem(tenantId, event)));
  }

  async saveReview(review: Review, events: readonly ReviewEvent[], opened?: Rectification): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            putNew(this.tableName, reviewEntity.toItem(review)),
            ...(opened ? [putNew(this.tableName, rectificationEntity.toItem(opened))] : []),
            ...this.eventPuts(review.tenantId, events),
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
    const items = await queryPage(this.documents, { TableName: this.tableName, ...reviewEntity.ofCase(tenantId, caseId), ConsistentRead: true });
    return items.map((item) => reviewEntity.fromItem<Review>(item));
  }

  async openRectification(entry: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({ TransactItems: [putNew(this.tableName, rectificationEntity.toItem(entry)), ...this.eventPuts(entry.tenantId, events)] }),
    );
  }

  async findRectification(tenantId: string, rectificationId: string): Promise<Rectification | undefined> {
    const item = await getItem(this.documents, this.tableName, rectificationEntity.key(tenantId, rectificationId), { consistent: true });
    return item ? rectificationEntity.fromItem<Rectification>(item) : undefined;
  }

  async saveRectification(next: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [putOnRevision(this.tableName, rectificationEntity.toItem(next)), ...this.eventPuts(next.tenantId, events)],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new InvalidTransitionError('整改事项已被其他操作更新，请刷新后重试', 'The entry was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');
      }
      throw error;
    }
  }

  pageRectifications(
    tenantId: string,
    status: RectificationStatus | undefined,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<Rectification>> {
    return rectificationEntity.page<Rectification>(this.documents, this.tableName, tenantId, status, page);
  }
}
