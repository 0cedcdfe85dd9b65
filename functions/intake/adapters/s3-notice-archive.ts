import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Case, CaseNotice } from '../domain/case';
import type { NoticeArchive, NoticeDocument } from '../domain/notices';

/** Notices are archived as JSON in the certificates bucket, tenant first in the key. */
export class S3NoticeArchive implements NoticeArchive {
  constructor(
    private readonly s3: S3Client,
    /** Resolved on first use: only the functions that issue notices are given the bucket. */
    private readonly bucket: () => string,
  ) {}

  async archive(current: Case, notice: CaseNotice, document: NoticeDocument): Promise<string> {
    const key = `notices/${current.tenantId}/${current.caseId}/${notice.noticeNo}.json`;
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket(), Key: key, Body: JSON.stringify(document), ContentType: 'application/json; charset=utf-8' }),
    );
    return key;
  }
}
