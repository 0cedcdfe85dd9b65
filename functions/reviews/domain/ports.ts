import type { Rectification, RectificationStatus } from './rectification';
import type { Page } from '../../kernel/page';
import type { Review } from './review';
import type { ReviewEvent } from '../../kernel/events/review-events';

/**
 * Port: durable storage of reviews and ledger entries. Each write carries its events (the outbox) in
 * the same transaction; nothing is half-written.
 */
export interface ReviewStore {
  /**
   * Stores a review, the entry it opens (if any) and their events. The review key is the case and the
   * touchpoint, written only if absent: a second review of the touchpoint throws ALREADY_REVIEWED.
   */
  saveReview(review: Review, events: readonly ReviewEvent[], opened?: Rectification): Promise<void>;
  reviewsOfCase(tenantId: string, caseId: string): Promise<Review[]>;
  /** Stores a new entry (a complaint) with its events. */
  openRectification(entry: Rectification, events: readonly ReviewEvent[]): Promise<void>;
  findRectification(tenantId: string, rectificationId: string): Promise<Rectification | undefined>;
  /** Stores `next` only on revision `next.revision - 1`; a concurrent step throws CONCURRENT_UPDATE. */
  saveRectification(next: Rectification, events: readonly ReviewEvent[]): Promise<void>;
  /** One page of the ledger by status and deadline, optionally one status only; `cursor` is the previous page's `nextCursor`. */
  pageRectifications(
    tenantId: string,
    status: RectificationStatus | undefined,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<Rectification>>;
}
