import { generateKeyPairSync, sign } from 'node:crypto';
import { documentBytes } from '../../functions/certificates/domain/certificate';
import type { CertificateSigner } from '../../functions/certificates/domain/ports';
import { publicKeyDer } from '../../functions/certificates/domain/verification';
import { holderCertificateDocument, issueCertificates, verifyPresentedCertificate } from '../../functions/certificates/use-cases';
import { completeOnTheSpot, submitCase } from '../../functions/intake/domain/case';
import { InMemoryCaseRepository, InMemoryCertificateRepository, InMemoryDocumentStore, InMemoryTable, keyOf } from '../support/fakes';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { citizenContext } from '../support/request-context';
import { refusalOf } from './support/replies';

/*
 * 我的证照: the holder takes their signed certificate document to present it, on the shared in-memory ports. The
 * certificate is issued by the issuance use case itself, so the document is the one the bucket holds; whoever is
 * handed it checks it with the public verification use case.
 */

const TENANT = '522732';
const HOLDER_ID = '52273219900101123X';
const NOW = new Date('2026-11-24T05:00:00.000Z');

const { privateKey } = generateKeyPairSync('ed25519');
const signer: CertificateSigner = { sign: async (bytes) => sign(null, bytes, privateKey), publicKey: async () => publicKeyDer(privateKey) };

const item = aPublishedItem({
  code: 'TEST-0001',
  departments: [{ deptId: 'SCJGJ', lead: true, stageDays: 1, prerequisites: [] }],
  result: { certificateType: 'BUSINESS_LICENSE', name: '营业执照', validityYears: null },
});

async function anIssuedCertificate() {
  const submitted = submitCase(
    {
      tenantId: TENANT,
      caseId: '01KAB4M7Q0Y8ZB1N2P3R4S5T6V',
      item,
      channel: 'online',
      applicant: anApplicant({ idNumber: HOLDER_ID }),
      formData: { businessName: '三都韦记米粉店' },
    },
    '2026-11-24T02:00:00.000Z',
    'E1',
  );
  const completed = completeOnTheSpot(submitted.case, { ...item, handlingKind: '即办件' }, 'W', 'SL1', '2026-11-24T03:00:00.000Z', ['E2', 'E3']).case;
  const table = new InMemoryTable();
  table.cases.set(keyOf(TENANT, completed.caseId), completed);
  const deps = {
    cases: new InMemoryCaseRepository(table),
    catalogue: { itemVersion: async () => item },
    certificates: new InMemoryCertificateRepository(table),
    documents: new InMemoryDocumentStore(),
    signer,
    clock: { now: () => NOW },
    materials: { checklist: async () => [] },
  };
  const { issued } = await issueCertificates(deps, { tenantId: TENANT, caseId: completed.caseId, eventId: 'E3' });
  const certificateNo = issued[0] as string;
  const record = await deps.certificates.find(TENANT, certificateNo);
  return { deps, certificateNo, documentKey: record?.documentKey as string };
}

const holder = citizenContext(TENANT, 'sub-holder', HOLDER_ID);

describe('given a certificate issued to a citizen with a real-name account', () => {
  describe('when the holder takes its document', () => {
    it('then they get the stored signed bytes, and whoever they present it to finds it valid', async () => {
      const { deps, certificateNo, documentKey } = await anIssuedCertificate();
      const document = await holderCertificateDocument(deps, holder, certificateNo);
      expect(document).toMatchObject({
        certificate: { certificateNo, holder: { name: '韦小宝', maskedIdNumber: '5227**********123X' } },
        signature: { algorithm: 'Ed25519' },
      });
      expect(documentBytes(document)).toEqual(Buffer.from((await deps.documents.get(documentKey)) as Uint8Array));
      expect(JSON.stringify(document)).not.toContain(HOLDER_ID);
      expect(await verifyPresentedCertificate(deps, JSON.parse(documentBytes(document).toString('utf8')))).toMatchObject({
        certificateNo,
        status: 'valid',
        reasons: [],
      });
    });
  });

  describe('when anyone else asks for it', () => {
    it('then another citizen gets 404 CERTIFICATE_NOT_FOUND, as for a number that does not exist', async () => {
      const { deps, certificateNo } = await anIssuedCertificate();
      const someoneElse = citizenContext(TENANT, 'sub-other', '522732199001010002');
      expect(await refusalOf(holderCertificateDocument(deps, someoneElse, certificateNo))).toMatchObject({
        status: 404,
        body: { code: 'CERTIFICATE_NOT_FOUND' },
      });
      expect(await refusalOf(holderCertificateDocument(deps, holder, '522732-2026-BUSINESS_LICENSE-0000000000AB'))).toMatchObject({
        status: 404,
        body: { code: 'CERTIFICATE_NOT_FOUND' },
      });
    });

    it('then the holder asking in another county finds nothing there', async () => {
      const { deps, certificateNo } = await anIssuedCertificate();
      const elsewhere = citizenContext('630103', 'sub-holder', HOLDER_ID);
      expect(await refusalOf(holderCertificateDocument(deps, elsewhere, certificateNo))).toMatchObject({
        status: 404,
        body: { code: 'CERTIFICATE_NOT_FOUND' },
      });
    });

    it('then an account without real-name verification is refused with 403 REAL_NAME_REQUIRED', async () => {
      const { deps, certificateNo } = await anIssuedCertificate();
      expect(await refusalOf(holderCertificateDocument(deps, citizenContext(TENANT, 'sub-l2'), certificateNo))).toMatchObject({
        status: 403,
        body: { code: 'REAL_NAME_REQUIRED' },
      });
    });
  });

  describe('when the stored document no longer has the digest recorded at issue', () => {
    it('then it is not handed out: 503, never bytes that would not verify', async () => {
      const { deps, certificateNo, documentKey } = await anIssuedCertificate();
      const stored = Buffer.from((await deps.documents.get(documentKey)) as Uint8Array).toString('utf8');
      await deps.documents.put(documentKey, Buffer.from(stored.replace('"name":"韦小宝"', '"name":"韦大宝"')));
      expect(await refusalOf(holderCertificateDocument(deps, holder, certificateNo))).toMatchObject({ status: 503, body: { code: 'DEPENDENCY_UNAVAILABLE' } });
    });
  });
});
