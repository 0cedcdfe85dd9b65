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
}

export const materialsBucket: BucketDefinition = {
  id: 'MaterialsBucket',
  namePrefix: 'tongban-materials',
  nameEnvironmentVariable: environmentNames.materialsBucket,
  infrequentAccessAfterDays: 90,
  glacierAfterDays: 365,
};

export const certificatesBucket: BucketDefinition = {
  id: 'CertificatesBucket',
  namePrefix: 'tongban-certificates',
  nameEnvironmentVariable: environmentNames.certificatesBucket,
  infrequentAccessAfterDays: 180,
  glacierAfterDays: 730,
};

/** Daily JSON-lines exports of the audit trail and reviews, collected by the province (全流程电子监察, 好差评 roll-up). */
export const auditExportBucket: BucketDefinition = {
  id: 'AuditExportBucket',
  namePrefix: 'tongban-audit-export',
  nameEnvironmentVariable: environmentNames.auditExportBucket,
  infrequentAccessAfterDays: 30,
  glacierAfterDays: 365,
};

export const bucketDefinitions: readonly BucketDefinition[] = [materialsBucket, certificatesBucket, auditExportBucket];
