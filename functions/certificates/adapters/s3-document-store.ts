import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CertificateDocumentStore } from '../domain/ports';

/** Signed certificate documents in the certificates bucket; reads always take the current object. */
export class S3CertificateDocumentStore implements CertificateDocumentStore {
  constructor(
    private readonly s3: S3Client,
    /** Resolved on first use: only the functions that touch documents are given the bucket. */
    private readonly bucket: () => string,
  ) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket(), Key: key, Body: bytes, ContentType: 'application/json; charset=utf-8' }));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket(), Key: key }));
      return object.Body ? await object.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
