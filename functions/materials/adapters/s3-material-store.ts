import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MaterialStore, PresignedRequest, StoredObject } from '../domain/ports';

const isNotFound = (error: unknown): boolean => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** `filename*` carries the UTF-8 name (RFC 6266); the ASCII `filename` is the fallback for old clients. */
const attachment = (fileName: string): string => {
  const extension = fileName.slice(fileName.lastIndexOf('.'));
  return `attachment; filename="material${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

/**
 * The materials bucket. The client uploads and downloads directly with presigned URLs, so file
 * bytes never pass through a function; verification streams the object once for its hash.
 */
export class S3MaterialStore implements MaterialStore {
  constructor(
    /** Built with `requestChecksumCalculation: 'WHEN_REQUIRED'`, or presigned PUTs embed an empty-body checksum real S3 rejects. */
    private readonly s3: S3Client,
    /** Resolved on first use: only the functions that touch objects are given the bucket. */
    private readonly bucket: () => string,
  ) {}

  async presignPut(key: string, object: { contentType: string; sizeBytes: number }, expiresInSeconds: number): Promise<PresignedRequest> {
    // if-none-match makes the URL single-use on S3: once an object is there, it cannot be replaced after verification
    const headers = { 'content-type': object.contentType, 'if-none-match': '*' };
    const command = new PutObjectCommand({
      Bucket: this.bucket(),
      Key: key,
      ContentType: object.contentType,
      ContentLength: object.sizeBytes,
      IfNoneMatch: '*',
    });
    // content-type is unsigned by default; signing it (and the length) makes S3 refuse any other
    const url = await getSignedUrl(this.s3, command, {
      expiresIn: expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
    });
    return { url, headers };
  }

  async presignGet(key: string, file: { fileName: string; contentType: string; versionId?: string }, expiresInSeconds: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket(),
      Key: key,
      ...(file.versionId ? { VersionId: file.versionId } : {}),
      // served as a download of the verified type, so a browser never renders or sniffs it inline
      ResponseContentType: file.contentType,
      ResponseContentDisposition: attachment(file.fileName),
    });
    return getSignedUrl(this.s3, command, { expiresIn: expiresInSeconds });
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const result = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket(), Key: key }));
      return { sizeBytes: result.ContentLength ?? 0, ...(result.VersionId ? { versionId: result.VersionId } : {}) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async readPrefix(key: string, stored: StoredObject, bytes: number): Promise<Uint8Array> {
    return this.readRange(key, stored, 0, bytes);
  }

  async readRange(key: string, stored: StoredObject, start: number, length: number): Promise<Uint8Array> {
    const end = Math.min(start + length, stored.sizeBytes) - 1;
    const result = await this.s3.send(new GetObjectCommand({ ...this.objectOf(key, stored), Range: `bytes=${start}-${end}` }));
    return (await result.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  async sha256(key: string, stored: StoredObject): Promise<string> {
    const result = await this.s3.send(new GetObjectCommand(this.objectOf(key, stored)));
    const hash = createHash('sha256');
    for await (const chunk of result.Body as Readable) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async delete(key: string, stored: StoredObject): Promise<void> {
    await this.s3.send(new DeleteObjectCommand(this.objectOf(key, stored)));
  }

  private objectOf(key: string, stored: StoredObject) {
    return { Bucket: this.bucket(), Key: key, ...(stored.versionId ? { VersionId: stored.versionId } : {}) };
  }
}
