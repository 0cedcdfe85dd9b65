import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ExportStore } from '../domain/ports';

/** Daily exports as JSON-lines objects; a re-run of the same day replaces the object (the bucket keeps versions). */
export class S3ExportStore implements ExportStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: () => string,
  ) {}

  async put(key: string, jsonLines: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket(), Key: key, Body: jsonLines, ContentType: 'application/x-ndjson; charset=utf-8' }));
  }
}
