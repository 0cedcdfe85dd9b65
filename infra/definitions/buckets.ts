import { type EnvironmentName, environmentNames } from '../../functions/shared/environment-names';

/**
 * Buckets described once as data. Materials are what applicants upload; certificates are what the
 * county issues. Both are versioned, encrypted and private; old objects move to cheaper storage.
 */
export interface BucketDefinition {
  readonly id: string;
  /** Deployed as `<namePrefix>-<account>-<region>`, so policies can name the bucket without a cross-stack token. */
  readonly namePrefix: string;
  /** Environment variable through which functions receive the bucket name. */
  readonly nameEnvironmentVariable: EnvironmentName;
  /** Days after which current objects move to Infrequent Access, then to Glacier Instant Retrieval. */
  readonly infrequentAccessAfterDays: number;
  readonly glacierAfterDays: number;
  /**
   * Every version is evidence (a signed certificate, a notice, an export the province collected): no function may be
   * granted DeleteObject or DeleteObjectVersion on it (`deleteFromBucket` is refused at synthesis).
   */
  readonly keepsEveryVersion: boolean;
  /**
   * Cross-origin access a browser needs (the portal PUTs materials straight to presigned URLs and reads the answers'
   * ETag): the origins are the deployment's web origins, given where the bucket is made. The same rules are set on the
   * bucket by CDK and enforced by the local S3 front (infra/local/s3-cors-front.ts) under `npm start`.
   */
  readonly browserAccess?: BrowserAccessRule;
}

export interface BrowserAccessRule {
  readonly allowedMethods: readonly ('GET' | 'PUT' | 'HEAD')[];
  /** Request headers the browser may send (the presigned URL signs only what it names; `*` lets content-type through). */
  readonly allowedHeaders: readonly string[];
  readonly exposedHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

/** The portal PUTs materials to presigned URLs and reads them back for preview. */
export const materialsBrowserAccess: BrowserAccessRule = {
  allowedMethods: ['PUT', 'GET', 'HEAD'],
  allowedHeaders: ['*'],
  exposedHeaders: ['ETag'],
  maxAgeSeconds: 3000,
};

export const materialsBucket: BucketDefinition = {
  id: 'MaterialsBucket',
  namePrefix: 'tongban-materials',
  nameEnvironmentVariable: environmentNames.materialsBucket,
  infrequentAccessAfterDays: 90,
  glacierAfterDays: 365,
  // an upload that failed verification is deleted, the exact version that was checked
  keepsEveryVersion: false,
  browserAccess: materialsBrowserAccess,
};

export const certificatesBucket: BucketDefinition = {
  id: 'CertificatesBucket',
  namePrefix: 'tongban-certificates',
  nameEnvironmentVariable: environmentNames.certificatesBucket,
  infrequentAccessAfterDays: 180,
  glacierAfterDays: 730,
  keepsEveryVersion: true,
};

/** Daily JSON-lines exports of the audit trail and reviews, collected by the province (全流程电子监察, 好差评 roll-up). */
export const auditExportBucket: BucketDefinition = {
  id: 'AuditExportBucket',
  namePrefix: 'tongban-audit-export',
  nameEnvironmentVariable: environmentNames.auditExportBucket,
  infrequentAccessAfterDays: 30,
  glacierAfterDays: 365,
  keepsEveryVersion: true,
};

export const bucketDefinitions: readonly BucketDefinition[] = [materialsBucket, certificatesBucket, auditExportBucket];
