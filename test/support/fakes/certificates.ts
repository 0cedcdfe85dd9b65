import type { Certificate } from '../../../functions/certificates/domain/certificate';
import type { CertificateDocumentStore, CertificateRepository, ReleaseRepository } from '../../../functions/certificates/domain/ports';
import type { Release, ReleaseEvent } from '../../../functions/certificates/domain/release';
import type { CaseEvent } from '../../../functions/kernel/events/case-events';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { copy, InMemoryTable, keyOf } from './table';

/**
 * Certificates over the shared table, with the adapter's guards: issued only while the case is
 * `completed`, one per case and item (the case's pointer), revoked only while valid; each with its event.
 */
export class InMemoryCertificateRepository implements CertificateRepository {
  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async issue(certificate: Certificate, event: CaseEvent): Promise<'issued' | 'exists' | 'case-not-completed'> {
    const { tenantId, caseId, itemCode, certificateNo } = certificate;
    const pointers = this.table.certificatePointers.get(keyOf(tenantId, caseId)) ?? new Map<string, string>();
    if (this.table.certificates.has(keyOf(tenantId, certificateNo)) || pointers.has(itemCode)) return 'exists';
    if (this.table.caseStatus(tenantId, caseId) !== 'completed') return 'case-not-completed';
    if (!this.table.eventsAreNew(tenantId, [event])) throw new Error(`event ${event.eventId} already stored`);
    this.table.certificates.set(keyOf(tenantId, certificateNo), copy(certificate));
    pointers.set(itemCode, certificateNo);
    this.table.certificatePointers.set(keyOf(tenantId, caseId), pointers);
    this.table.appendEvents(tenantId, [event]);
    return 'issued';
  }

  async find(tenantId: string, certificateNo: string): Promise<Certificate | undefined> {
    return copy(this.table.certificates.get(keyOf(tenantId, certificateNo)) as Certificate | undefined);
  }

  async forCase(tenantId: string, caseId: string): Promise<Certificate[]> {
    const pointers = this.table.certificatePointers.get(keyOf(tenantId, caseId));
    if (!pointers) return [];
    return [...pointers.values()]
      .map((certificateNo) => this.table.certificates.get(keyOf(tenantId, certificateNo)) as Certificate | undefined)
      .filter((certificate): certificate is Certificate => certificate !== undefined)
      .sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0))
      .map((certificate) => copy(certificate));
  }

  async forHolder(tenantId: string, holderDigest: string, limit: number): Promise<Certificate[]> {
    // the holder index is keyed by the tenant's digest of the holder, as the adapter's GSI2 is
    const sortKey = (certificate: Certificate) => `${certificate.issuedAt}#${certificate.certificateNo}`;
    return [...this.table.certificates.entries()]
      .filter(([key]) => key.startsWith(`${tenantId}#`))
      .map(([, certificate]) => certificate as Certificate)
      .filter((certificate) => certificate.holder.idDigest === holderDigest)
      .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0))
      .slice(0, limit)
      .map((certificate) => copy(certificate));
  }

  async revoke(certificate: Certificate, event: CaseEvent): Promise<boolean> {
    const key = keyOf(certificate.tenantId, certificate.certificateNo);
    const stored = this.table.certificates.get(key) as Certificate | undefined;
    if (stored?.status !== 'valid' || !this.table.eventsAreNew(certificate.tenantId, [event])) return false;
    // the adapter updates the status, the instant and the reason; everything else stays as issued
    this.table.certificates.set(key, {
      ...copy(stored),
      status: 'revoked',
      revokedAt: certificate.revokedAt,
      revocationReason: certificate.revocationReason,
    });
    this.table.appendEvents(certificate.tenantId, [event]);
    return true;
  }
}

/** The result release of cases (出件) over the shared table: the next revision only, and only while the case is completed. */
export class InMemoryReleaseRepository implements ReleaseRepository {
  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async find(tenantId: string, caseId: string): Promise<Release | undefined> {
    return copy(this.table.releases.get(keyOf(tenantId, caseId)) as Release | undefined);
  }

  async save(next: Release, event: ReleaseEvent): Promise<void> {
    if (this.table.caseStatus(next.tenantId, next.caseId) !== 'completed') {
      throw new InvalidTransitionError(
        '办件已不是办结状态（可能已撤销许可），不能出件',
        'The case is no longer completed (it may have been revoked); nothing to deliver',
        'CASE_NOT_COMPLETED',
      );
    }
    const stored = this.table.releases.get(keyOf(next.tenantId, next.caseId)) as Release | undefined;
    const onRevision = next.revision === 1 ? stored === undefined : stored?.revision === next.revision - 1;
    if (!onRevision || !this.table.eventsAreNew(next.tenantId, [event])) {
      throw new InvalidTransitionError(
        '送达信息已被其他操作更新，请刷新后重试',
        'The delivery was changed concurrently; reload and retry',
        'CONCURRENT_UPDATE',
      );
    }
    this.table.releases.set(keyOf(next.tenantId, next.caseId), copy(next));
    this.table.appendEvents(next.tenantId, [event]);
  }
}

/** The certificates bucket: each signed document under its key. */
export class InMemoryDocumentStore implements CertificateDocumentStore {
  readonly objects = new Map<string, Uint8Array>();
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.objects.set(key, new Uint8Array(bytes));
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    const bytes = this.objects.get(key);
    return bytes ? new Uint8Array(bytes) : undefined;
  }
}
