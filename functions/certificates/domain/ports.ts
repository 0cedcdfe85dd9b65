import type { Certificate } from './certificate';
import type { Release, ReleaseEvent } from './release';
import type { CaseEvent } from '../../kernel/events/case-events';

/**
 * Port: the platform's signing key (Ed25519). Locally a key file, on AWS derived from a Secrets
 * Manager secret; the same signature verifies on both because the algorithm and canonical bytes are fixed.
 */
export interface CertificateSigner {
  /** The raw 64-byte Ed25519 signature of `bytes`. */
  sign(bytes: Uint8Array): Promise<Uint8Array>;
  /** The public key as DER (SubjectPublicKeyInfo), for verification and for publishing. */
  publicKey(): Promise<Buffer>;
}

/** Port: the certificates bucket, holding each signed document under its key. */
export interface CertificateDocumentStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Undefined when there is no object under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
}

/** Port: issued certificates and the case pointers that guard "one per case and item". */
export interface CertificateRepository {
  /**
   * Stores the certificate, its case pointer and its timeline event together, only while the case is
   * still `completed`; 'exists' when this case already has the item's certificate, 'case-not-completed'
   * when the case moved on (e.g. revoked) before the certificate was stored.
   */
  issue(certificate: Certificate, event: CaseEvent): Promise<'issued' | 'exists' | 'case-not-completed'>;
  find(tenantId: string, certificateNo: string): Promise<Certificate | undefined>;
  /** Every certificate issued for a case. */
  forCase(tenantId: string, caseId: string): Promise<Certificate[]>;
  /** A holder's certificates, newest first. */
  forHolder(tenantId: string, holderDigest: string, limit: number): Promise<Certificate[]>;
  /** Marks a valid certificate revoked with its event; false when it was no longer valid. */
  revoke(certificate: Certificate, event: CaseEvent): Promise<boolean>;
}

/** Port: the result release of cases (出件). */
export interface ReleaseRepository {
  find(tenantId: string, caseId: string): Promise<Release | undefined>;
  /** Stores `next` if the stored revision is `next.revision - 1` (absent for revision 1) and the case is completed; 409 otherwise. */
  save(next: Release, event: ReleaseEvent): Promise<void>;
}
