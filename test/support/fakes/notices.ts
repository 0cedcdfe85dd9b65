import type { HolidayNoticeStore, StoredNotice } from '../../../functions/calendar/domain/ports';
import type { Case, CaseNotice } from '../../../functions/intake/domain/case';
import type { NoticeArchive, NoticeDocument } from '../../../functions/intake/domain/notices';
import { InvalidTransitionError } from '../../../functions/shared/errors';

/**
 * The national holiday notices: immutable versions, one current pointer per year that moves only from
 * the version a load was based on (the adapter's transaction condition), and every publish with its
 * event id, as the outbox would have it.
 */
export class InMemoryHolidayNoticeStore implements HolidayNoticeStore {
  readonly published: { stored: StoredNotice; eventId: string }[] = [];
  /** How often the current notices were read (the calendar cache is judged by it). */
  reads = 0;
  private readonly pointers = new Map<number, StoredNotice>();

  async current(): Promise<StoredNotice[]> {
    this.reads += 1;
    return [...this.pointers.values()].sort((a, b) => a.notice.year - b.notice.year).map((stored) => structuredClone(stored));
  }

  async versions(year: number): Promise<StoredNotice[]> {
    return this.published
      .map(({ stored }) => structuredClone(stored))
      .filter((stored) => stored.notice.year === year)
      .sort((a, b) => b.version - a.version);
  }

  async publish(stored: StoredNotice, eventId: string): Promise<void> {
    const year = stored.notice.year;
    if (
      (this.pointers.get(year)?.version ?? null) !== stored.previousVersion ||
      this.published.some((entry) => entry.stored.notice.year === year && entry.stored.version === stored.version)
    ) {
      throw new InvalidTransitionError(
        `${year}年节假日安排已被其他操作更新，请重新加载`,
        `The ${year} holiday notice was changed concurrently; load it again`,
        'CONCURRENT_UPDATE',
      );
    }
    this.published.push({ stored: structuredClone(stored), eventId });
    this.pointers.set(year, structuredClone(stored));
  }
}

/** Issued notices as the archive keeps them: each document under the key the S3 adapter writes it to. */
export class InMemoryNoticeArchive implements NoticeArchive {
  readonly documents = new Map<string, NoticeDocument>();

  async archive(current: Case, notice: CaseNotice, document: NoticeDocument): Promise<string> {
    const key = `notices/${current.tenantId}/${current.caseId}/${notice.noticeNo}.json`;
    this.documents.set(key, structuredClone(document));
    return key;
  }
}
