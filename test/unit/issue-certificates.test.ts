import { generateKeyPairSync, sign } from 'node:crypto';
import type { PublishedItem } from '../../functions/catalogue/domain/service-item';
import type { Certificate } from '../../functions/certificates/domain/certificate';
import type { CertificateSigner } from '../../functions/certificates/domain/ports';
import { verifyStored, publicKeyDer } from '../../functions/certificates/domain/verification';
import { issueCertificates, revokeCertificates } from '../../functions/certificates/use-cases';
import { type Case, completeOnTheSpot, submitCase } from '../../functions/intake/domain/case';
import type { CaseEvent } from '../../functions/kernel/events/case-events';
import { InMemoryCaseRepository, InMemoryCertificateRepository, InMemoryDocumentStore, InMemoryTable, keyOf } from '../support/fakes';
import { anApplicant, aPublishedItem } from '../support/fixtures';

/*
 * The issuance use case against the shared in-memory ports: what it stores for a plain item and for a
 * bundle, and how it behaves under redelivery and revocation. The fakes hold state and the adapters'
 * guards only (test/contract holds them to the DynamoDB adapters); every rule is the use case's and the
 * pure domain's.
 */

const TENANT = '522732';
const NOW = new Date('2026-11-24T05:00:00.000Z');

const { privateKey } = generateKeyPairSync('ed25519');
const signer: CertificateSigner = { sign: async (bytes) => sign(null, bytes, privateKey), publicKey: async () => publicKeyDer(privateKey) };

const member = (code: string, certificateType: string, lead: string) =>
  aPublishedItem({
    code,
    name: certificateType,
    departments: [
      { deptId: 'SWJ', lead: false, stageDays: 1, prerequisites: [] },
      { deptId: lead, lead: true, stageDays: 1, prerequisites: [] },
    ],
    result: { certificateType, name: `${certificateType} 证`, validityYears: null },
  });

function completedCaseOf(item: PublishedItem): Case {
  const submitted = submitCase(
    { tenantId: TENANT, caseId: '01KAB4M7Q0Y8ZB1N2P3R4S5T6V', item, channel: 'online', applicant: anApplicant(), formData: { businessName: '三都韦记米粉店' } },
    '2026-11-24T02:00:00.000Z',
    'E1',
  );
  return completeOnTheSpot(submitted.case, { ...item, handlingKind: '即办件' }, 'W', 'SL1', '2026-11-24T03:00:00.000Z', ['E2', 'E3']).case;
}

function given(entry: PublishedItem, members: readonly PublishedItem[] = []) {
  const current = completedCaseOf(entry);
  const catalogue = [entry, ...members];
  // the case as its partition holds it: issuance is guarded by its status
  const table = new InMemoryTable();
  table.cases.set(keyOf(TENANT, current.caseId), current);
  const certificates = new InMemoryCertificateRepository(table);
  const documents = new InMemoryDocumentStore();
  const deps = {
    cases: new InMemoryCaseRepository(table),
    catalogue: {
      itemVersion: async (_tenantId: string, code: string, version: number) => catalogue.find((item) => item.code === code && item.version === version),
    },
    certificates,
    documents,
    signer,
    clock: { now: () => NOW },
    materials: { checklist: async () => [] },
  };
  return {
    deps,
    /** What issuance stored: the certificates by number, and the events it wrote to the case timeline. */
    stored: { certificates: () => [...table.certificates.values()] as Certificate[], events: () => table.timeline<CaseEvent>(TENANT, current.caseId) },
    documents,
    revokeCase: () => table.cases.set(keyOf(TENANT, current.caseId), { ...current, status: 'revoked' }),
    caseId: current.caseId,
  };
}

const completion = (caseId: string) => ({ tenantId: TENANT, caseId, eventId: 'E3' });

describe('given a completed case accepted with a 容缺 material still outstanding', () => {
  it('when the completion arrives then nothing is issued; when the material is provided then the certificate is', async () => {
    const { deps, stored, caseId } = given(member('TEST-0001', 'BUSINESS_LICENSE', 'SCJGJ'));
    const completed = (await deps.cases.find(TENANT, caseId)) as Case;
    const provided: { materialId: string }[] = [];
    const withDeferral = {
      ...deps,
      cases: {
        find: async () => ({
          ...completed,
          deferredMaterials: {
            materialIds: ['BUSINESS_LICENSE'],
            commitment: { statement: '出件前补齐', signedBy: '韦小宝', signedAt: '2026-11-24T02:00:00.000Z' },
          },
        }),
      },
      materials: { checklist: async () => provided as never },
    };
    expect(await issueCertificates(withDeferral, completion(caseId))).toEqual({ issued: [], skipped: 'deferred-materials-outstanding' });
    expect(stored.certificates()).toHaveLength(0);
    provided.push({ materialId: 'BUSINESS_LICENSE' });
    expect((await issueCertificates(withDeferral, { tenantId: TENANT, caseId, eventId: 'E9' })).issued).toHaveLength(1);
  });
});

describe('given a completed case of one item', () => {
  it('when the completion is delivered twice then one certificate is issued, signed and stored, with one event', async () => {
    const { deps, stored, documents, caseId } = given(member('TEST-0001', 'BUSINESS_LICENSE', 'SCJGJ'));
    const first = await issueCertificates(deps, completion(caseId));
    const again = await issueCertificates(deps, completion(caseId));
    expect(first.issued).toHaveLength(1);
    expect(again).toEqual({ issued: [], skipped: '' });
    expect(stored.events()).toEqual([
      expect.objectContaining({ eventId: 'E3~C1', type: 'CertificateIssued', detail: expect.objectContaining({ certificateType: 'BUSINESS_LICENSE' }) }),
    ]);
    const [record] = stored.certificates() as [Certificate];
    expect(record).toMatchObject({
      issuingDepartment: 'SCJGJ',
      status: 'valid',
      issuedAt: '2026-11-24T03:00:00.000Z',
      data: { businessName: '三都韦记米粉店' },
    });
    expect(verifyStored(record, documents.objects.get(record.documentKey), await signer.publicKey(), NOW.toISOString())).toMatchObject({ status: 'valid' });
    expect(JSON.stringify([...stored.events(), record])).not.toContain(anApplicant().idNumber);
  });

  it('when the case was revoked before the completion arrived then nothing is issued', async () => {
    const { deps, stored, revokeCase, caseId } = given(member('TEST-0001', 'BUSINESS_LICENSE', 'SCJGJ'));
    revokeCase();
    expect(await issueCertificates(deps, completion(caseId))).toEqual({ issued: [], skipped: 'case-not-completed' });
    expect(stored.certificates()).toHaveLength(0);
  });

  it('when the approval is revoked after issue then the certificate is revoked once, however often the event arrives', async () => {
    const { deps, stored, caseId } = given(member('TEST-0001', 'BUSINESS_LICENSE', 'SCJGJ'));
    await issueCertificates(deps, completion(caseId));
    const revocation = { tenantId: TENANT, caseId, eventId: 'E9' };
    expect(await revokeCertificates(deps, revocation)).toHaveLength(1);
    expect(await revokeCertificates(deps, revocation)).toEqual([]);
    expect(stored.certificates()[0]).toMatchObject({ status: 'revoked', revokedAt: NOW.toISOString() });
    expect(stored.events().map((event) => event.type)).toEqual(['CertificateIssued', 'CertificateRevoked']);
  });
});

describe('given a completed 一件事 bundle case', () => {
  it('then one certificate is issued per member item, each with its own type, lead department and version', async () => {
    const licence = member('SCZR-0002', 'BUSINESS_LICENSE', 'SCJGJ');
    const seal = { ...member('SCZR-0003', 'SEAL_FILING', 'GAJ'), version: 4 };
    const bundle = aPublishedItem({
      code: 'QYKB',
      name: '企业开办一件事',
      bundleOf: [
        { code: licence.code, name: licence.name, version: 1 },
        { code: seal.code, name: seal.name, version: 4 },
      ],
    });
    const { deps, stored, caseId } = given(bundle, [licence, seal]);
    expect((await issueCertificates(deps, completion(caseId))).issued).toHaveLength(2);
    expect(
      stored.certificates().map(({ itemCode, itemVersion, certificateType, issuingDepartment }) => ({
        itemCode,
        itemVersion,
        certificateType,
        issuingDepartment,
      })),
    ).toEqual([
      { itemCode: 'SCZR-0002', itemVersion: 1, certificateType: 'BUSINESS_LICENSE', issuingDepartment: 'SCJGJ' },
      { itemCode: 'SCZR-0003', itemVersion: 4, certificateType: 'SEAL_FILING', issuingDepartment: 'GAJ' },
    ]);
    expect(stored.events().map((event) => event.eventId)).toEqual(['E3~C1', 'E3~C2']);
  });
});
