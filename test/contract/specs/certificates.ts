import type { CertificateRepository, ReleaseRepository } from '../../../functions/certificates/domain/ports';
import type { Release, ReleaseEvent } from '../../../functions/certificates/domain/release';
import type { Case } from '../../../functions/intake/domain/case';
import type { CaseRecords, CaseRepository } from '../../../functions/intake/domain/ports';
import { applicantDigest } from '../../../functions/kernel/applicant';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { aCertificate, anEvent, aSubmittedCase, aTenant, nextRevision } from '../support/builders';

export interface CertificateSubject {
  readonly certificates: CertificateRepository;
  readonly releases: ReleaseRepository;
  /** How intake's case view reads what certificates keep in the case partition. */
  readonly records: CaseRecords;
  /** The case whose status guards every write. */
  readonly cases: CaseRepository;
}

/** A case of its own tenant, stored and completed. */
async function aCompletedCase(cases: CaseRepository, tenantId = aTenant()): Promise<Case> {
  const submitted = aSubmittedCase(tenantId);
  await cases.create(submitted.case, submitted.event);
  const completed = nextRevision(submitted.case, { status: 'completed', completedAt: '2026-11-24T03:00:00.000Z' });
  await cases.save(completed, [anEvent(completed.caseId, 'CaseCompleted', '2026-11-24T03:00:00.000Z')]);
  return completed;
}

const aRelease = (current: Case, revision: number, overrides: Partial<Release> = {}): Release => ({
  tenantId: current.tenantId,
  caseId: current.caseId,
  completedAt: current.completedAt as string,
  deadline: '2026-11-27T23:59:59+08:00',
  method: 'pickup',
  chosenAt: '2026-11-24T04:00:00.000Z',
  status: 'chosen',
  revision,
  ...overrides,
});

const releaseEvent = (caseId: string, type: ReleaseEvent['type']): ReleaseEvent => ({
  ...anEvent(caseId, 'NotificationSent', '2026-11-24T04:00:00.000Z'),
  type,
});

/**
 * What issuance, revocation, the certificate library and the result release rely on: certificates are
 * issued only for a completed case and once per case and item, revoked only while valid, listed for the
 * case and (newest first, limited) for the holder of the tenant; the release changes on its next revision
 * only and only while the case is completed. The case view reads both from the case partition.
 */
export function describeCertificateContract(name: string, make: () => Promise<CertificateSubject>): void {
  describe(`given the ${name} certificate and release repositories`, () => {
    it('when a certificate is issued for a completed case, then it is found, listed for the case and the holder, and its event is on the timeline', async () => {
      const { certificates, cases, records } = await make();
      const completed = await aCompletedCase(cases);
      const certificate = aCertificate(completed);
      const issued = anEvent(completed.caseId, 'CertificateIssued', certificate.issuedAt);
      expect(await certificates.issue(certificate, issued)).toBe('issued');
      expect(await certificates.find(completed.tenantId, certificate.certificateNo)).toEqual(certificate);
      expect(await certificates.forCase(completed.tenantId, completed.caseId)).toEqual([certificate]);
      expect(await records.certificates(completed.tenantId, completed.caseId)).toEqual([certificate]);
      expect(await certificates.forHolder(completed.tenantId, certificate.holder.idDigest, 10)).toEqual([certificate]);
      expect((await cases.timeline(completed.tenantId, completed.caseId)).map((event) => event.eventId)).toContain(issued.eventId);
    });

    it('when the same item is issued again (a redelivery), or for a case not completed, then nothing more is stored', async () => {
      const { certificates, cases } = await make();
      const completed = await aCompletedCase(cases);
      await certificates.issue(aCertificate(completed), anEvent(completed.caseId, 'CertificateIssued', '2026-11-24T05:00:00.000Z'));
      expect(await certificates.issue(aCertificate(completed), anEvent(completed.caseId, 'CertificateIssued', '2026-11-24T05:00:01.000Z'))).toBe('exists');
      expect(await certificates.forCase(completed.tenantId, completed.caseId)).toHaveLength(1);

      const submitted = aSubmittedCase(completed.tenantId);
      await cases.create(submitted.case, submitted.event);
      const early = aCertificate(submitted.case);
      expect(await certificates.issue(early, anEvent(submitted.case.caseId, 'CertificateIssued', '2026-11-24T05:00:02.000Z'))).toBe('case-not-completed');
      expect(await certificates.find(completed.tenantId, early.certificateNo)).toBeUndefined();
    });

    it('when a valid certificate is revoked, then it is revoked once: a second revocation answers false', async () => {
      const { certificates, cases } = await make();
      const completed = await aCompletedCase(cases);
      const certificate = aCertificate(completed);
      await certificates.issue(certificate, anEvent(completed.caseId, 'CertificateIssued', certificate.issuedAt));
      const revoked = { ...certificate, status: 'revoked' as const, revokedAt: '2026-11-25T02:00:00.000Z', revocationReason: '虚假承诺' };
      expect(await certificates.revoke(revoked, anEvent(completed.caseId, 'CertificateRevoked', '2026-11-25T02:00:00.000Z'))).toBe(true);
      expect(await certificates.find(completed.tenantId, certificate.certificateNo)).toEqual(revoked);
      expect(await certificates.revoke(revoked, anEvent(completed.caseId, 'CertificateRevoked', '2026-11-25T02:00:01.000Z'))).toBe(false);
    });

    it('when a holder’s library is read, then it is newest first and at most the limit, and another tenant’s holder digest finds nothing', async () => {
      const { certificates, cases } = await make();
      const tenantId = aTenant();
      const issuedAt = ['2026-11-24T05:00:00.000Z', '2026-11-26T05:00:00.000Z', '2026-11-25T05:00:00.000Z'];
      const stored = [];
      for (const at of issuedAt) {
        const completed = await aCompletedCase(cases, tenantId);
        const certificate = aCertificate(completed, { issuedAt: at });
        await certificates.issue(certificate, anEvent(completed.caseId, 'CertificateIssued', at));
        stored.push(certificate);
      }
      const holder = stored[0]?.holder.idDigest as string;
      expect((await certificates.forHolder(tenantId, holder, 2)).map((found) => found.issuedAt)).toEqual([issuedAt[1], issuedAt[2]]);
      const other = aTenant();
      expect(await certificates.forHolder(other, applicantDigest(other, '居民身份证', '52273219900101123X'), 10)).toEqual([]);
      expect(await certificates.find(other, stored[0]?.certificateNo as string)).toBeUndefined();
    });

    it('when a release is chosen and then delivered, then each is stored on its revision; a stale one is CONCURRENT_UPDATE', async () => {
      const { releases, cases, records } = await make();
      const completed = await aCompletedCase(cases);
      expect(await records.release(completed.tenantId, completed.caseId)).toBeUndefined();
      await releases.save(aRelease(completed, 1), releaseEvent(completed.caseId, 'ResultDeliveryChosen'));
      const delivered = aRelease(completed, 2, { status: 'delivered', deliveredAt: '2026-11-25T02:00:00.000Z', deliveredBy: '窗口01' });
      await releases.save(delivered, releaseEvent(completed.caseId, 'ResultDelivered'));
      expect(await releases.find(completed.tenantId, completed.caseId)).toEqual(delivered);
      expect(await records.release(completed.tenantId, completed.caseId)).toEqual(delivered);
      const stale: unknown = await releases
        .save(aRelease(completed, 2, { method: 'mail' }), releaseEvent(completed.caseId, 'ResultDeliveryChosen'))
        .catch((error: unknown) => error);
      expect(stale).toBeInstanceOf(InvalidTransitionError);
      expect(stale).toMatchObject({ code: 'CONCURRENT_UPDATE' });
      await expect(releases.save(aRelease(completed, 1, { method: 'mail' }), releaseEvent(completed.caseId, 'ResultDeliveryChosen'))).rejects.toMatchObject({
        code: 'CONCURRENT_UPDATE',
      });
      expect(await releases.find(aTenant(), completed.caseId)).toBeUndefined();
    });

    it('when the case is no longer completed, then a release is CASE_NOT_COMPLETED and nothing is stored', async () => {
      const { releases, cases } = await make();
      const completed = await aCompletedCase(cases);
      const revoked = nextRevision(completed, { status: 'revoked' });
      await cases.save(revoked, [anEvent(completed.caseId, 'ApprovalRevoked', '2026-11-25T02:00:00.000Z')]);
      await expect(releases.save(aRelease(completed, 1), releaseEvent(completed.caseId, 'ResultDeliveryChosen'))).rejects.toMatchObject({
        code: 'CASE_NOT_COMPLETED',
      });
      expect(await releases.find(completed.tenantId, completed.caseId)).toBeUndefined();
    });

    it('when a case has no materials, release or certificates yet, then the case view reads an empty checklist and nothing else', async () => {
      const { records, cases } = await make();
      const completed = await aCompletedCase(cases);
      expect(await records.checklist(completed.tenantId, completed.caseId)).toEqual([]);
      expect(await records.certificates(completed.tenantId, completed.caseId)).toEqual([]);
      expect(await records.release(completed.tenantId, completed.caseId)).toBeUndefined();
    });
  });
}
