import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MaterialSchema } from '../../functions/catalogue/domain/tenant-config/index';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, applicantApi, apiClient, asCitizen, enrolApplicant, eventually, staffApi } from './support/platform';

/*
 * Results over HTTP on the local platform: a completed case issues a signed certificate (through the
 * table stream, SNS and the certificate queue), the public verify route detects tampering of the
 * stored document, the holder's library lists it, a material references it, a false commitment
 * revokes it, and the result's release waits for the 容缺 material. Everyone signs in through the
 * local providers: the applicants with their real-name accounts, the window clerk, the handlers.
 */

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;
/** The handler of the test item's department (市场监管), besides the accounts of config/local/staff.yaml. */
const marketHandler = { tenantId: TENANT, staffId: 'SCJGJ-007', name: '韦市监', role: 'handler', deptId: 'SCJGJ', phone: '13985270081' } as const;
/** 卫健局 verifies 公共场所卫生许可 granted on commitment; config/local/staff.yaml has no handler of it in 三都县. */
const healthHandler = { tenantId: TENANT, staffId: 'WJJ-007', name: '潘卫健', role: 'handler', deptId: 'WJJ', phone: '13985270083' } as const;
/** A real-name citizen of config/local/citizens.yaml who holds no certificate here. */
const ANOTHER_CITIZEN_PHONE = '13800000001';

/** A 承诺件 whose business licence may follow after acceptance (容缺), to be provided from the library. */
const deferredLicenceItem = aPublishedItem({
  tenantId: TENANT,
  code: 'TEST-CERT2',
  name: '户外招牌设置许可',
  departments: [{ deptId: 'SCJGJ', lead: true, stageDays: 3, prerequisites: [] }],
  materials: [MaterialSchema.parse({ id: 'BUSINESS_LICENSE', name: '营业执照', fromCertificateLibrary: 'BUSINESS_LICENSE', mayBeMissingAtAcceptance: true })],
  result: { certificateType: 'SIGNBOARD_PERMIT', name: '户外招牌设置许可证', validityYears: 2 },
});

/** 个体工商户设立登记 (SCZR-0001), a 即办件 of the sample county whose result is the 营业执照, taken at the window. */
const soleTraderApplication = (idNumber: string) => ({
  itemCode: 'SCZR-0001',
  window: { windowId: 'ZH-SCZR' },
  applicant: anApplicant({ idNumber }),
  formData: {
    operatorName: '韦小宝',
    operatorIdNumber: idNumber,
    phone: '13800000000',
    organizationForm: '个人经营',
    businessScope: '米粉',
    businessAddress: '三合街道',
    capitalTenThousandYuan: 5,
  },
});

type CaseView = {
  status: string;
  timeline: { type: string; detail: Record<string, unknown> }[];
  certificates: { certificateNo: string; certificateType: string; status: string }[];
  release: Record<string, unknown>;
};

describe('given the local platform with the sample counties', () => {
  const local = aPlatformForThisFile([deferredLicenceItem], { staff: [marketHandler, healthHandler] });
  /** The window clerk on duty (config/local/staff.yaml), who takes the walk-in applications and hands results over. */
  let window: ApiClient;
  beforeAll(async () => {
    window = await staffApi(local, TENANT, 'CK-02');
  });
  const s3 = () =>
    new S3Client({
      endpoint: local.platform.environment.AWS_ENDPOINT_URL_S3,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  const bucket = () => local.platform.environment.CERTIFICATES_BUCKET as string;
  const objectKey = (certificateNo: string) => `certificates/${TENANT}/${certificateNo}.json`;
  const readDocument = async (certificateNo: string) =>
    JSON.parse(await (await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: objectKey(certificateNo) }))).Body!.transformToString('utf8')) as Record<
      string,
      unknown
    >;

  /** The case as staff of the county see it (the applicant's own view is the same). */
  const viewOf = async (caseId: string) => (await window.get<CaseView>(`${B}/workbench/cases/${caseId}`)).body;
  const certificateOf = async (caseId: string, status = 'valid') =>
    eventually(async () => (await viewOf(caseId)).certificates.find((certificate) => certificate.status === status));
  /** The window takes a 个体工商户设立登记 and completes it on the spot; answers the case and its certificate number. */
  const aCompletedSoleTrader = async (idNumber: string) => {
    const { body } = await window.post<{ caseId: string }>(`${B}/workbench/cases`, soleTraderApplication(idNumber));
    expect((await window.post(`${B}/cases/${body.caseId}/acceptance`, { decision: 'complete' })).body).toMatchObject({
      status: 'completed',
    });
    const certificate = await certificateOf(body.caseId);
    return { caseId: body.caseId, certificateNo: certificate.certificateNo };
  };

  describe('when a 即办件 is completed on the spot', () => {
    it('then its certificate is issued once, signed, and verifies as valid without exposing the ID number', async () => {
      const { caseId, certificateNo } = await aCompletedSoleTrader('52273219900101123X');
      expect(certificateNo).toMatch(/^522732-\d{4}-BUSINESS_LICENSE-[0-9A-HJKMNP-TV-Z]{12}$/);
      const view = await viewOf(caseId);
      expect(view.timeline.filter((event) => event.type === 'CertificateIssued')).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ certificateNo, certificateType: 'BUSINESS_LICENSE', itemCode: 'SCZR-0001' }) }),
      ]);

      const verified = await local.api.get(`/v1/certificates/${certificateNo}/verify`);
      expect(verified).toMatchObject({
        status: 200,
        body: {
          certificateNo,
          status: 'valid',
          reasons: [],
          certificate: {
            certificateType: 'BUSINESS_LICENSE',
            name: '营业执照',
            holder: { name: '韦小宝', maskedIdNumber: '5227**********123X' },
            issuingDepartment: 'SJJ',
            validUntil: null,
          },
        },
      });
      expect(JSON.stringify(verified.body)).not.toContain('52273219900101123X');

      const document = await readDocument(certificateNo);
      expect(await local.api.post('/v1/certificates/verification', document)).toMatchObject({ status: 200, body: { certificateNo, status: 'valid' } });
      const edited = { ...document, certificate: { ...(document.certificate as object), name: '营业执照（正本）' } };
      expect(await local.api.post('/v1/certificates/verification', edited)).toMatchObject({
        status: 200,
        body: { status: 'invalid', reasons: expect.arrayContaining(['SIGNATURE_INVALID']) },
      });
    });

    it('then tampering with the stored document through S3 makes the verification say invalid', async () => {
      const { certificateNo } = await aCompletedSoleTrader('522732199202021234');
      const original = await (await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: objectKey(certificateNo) }))).Body!.transformToString('utf8');
      const tampered = original.replace('"name":"韦小宝"', '"name":"韦大宝"');
      expect(tampered).not.toBe(original);
      await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: objectKey(certificateNo), Body: tampered, ContentType: 'application/json' }));

      const verified = await local.api.get(`/v1/certificates/${certificateNo}/verify`);
      expect(verified).toMatchObject({
        status: 200,
        body: { certificateNo, status: 'invalid', reasons: expect.arrayContaining(['DOCUMENT_DIGEST_MISMATCH', 'SIGNATURE_INVALID']) },
      });
    });

    it('then an unknown number is a 404 and a malformed one a 400, each with a code and both languages', async () => {
      const unknown = await local.api.get('/v1/certificates/522732-2026-BUSINESS_LICENSE-0000000000AB/verify');
      expect(unknown).toMatchObject({ status: 404, body: { code: 'CERTIFICATE_NOT_FOUND' } });
      const malformed = await local.api.get(`/v1/certificates/${encodeURIComponent('黔（2026）三都县不动产权第0001234号')}/verify`);
      expect(malformed).toMatchObject({
        status: 400,
        body: { code: 'CERTIFICATE_NO_INVALID', messageZh: expect.stringMatching(/[\u4e00-\u9fa5]/), messageEn: expect.any(String) },
      });
      const presentedMalformed = await local.api.post('/v1/certificates/verification', {
        certificate: { certificateNo: 'X-1' },
        signature: { algorithm: 'Ed25519', value: 'AA==' },
      });
      expect(presentedMalformed).toMatchObject({ status: 400, body: { code: 'CERTIFICATE_NO_INVALID' } });
    });
  });

  describe('when the holder opens their certificate library (免证办)', () => {
    it('then it lists their valid certificates, for their real-name account only, and a material of a new case references one', async () => {
      const idNumber = '522732199303033456';
      const { certificateNo } = await aCompletedSoleTrader(idNumber);
      // the walk-in applicant signs in with their real-name account: the certificate issued at the window is theirs
      const holder = await applicantApi(local, anApplicant({ idNumber }));
      const library = await holder.get<{ certificates: { certificateNo: string; status: string }[] }>(`${B}/certificate-library`);
      expect(library.status).toBe(200);
      expect(library.body.certificates).toEqual([expect.objectContaining({ certificateNo, status: 'valid', certificateType: 'BUSINESS_LICENSE' })]);
      const anotherCitizen = apiClient(local.platform.url, await asCitizen(local, ANOTHER_CITIZEN_PHONE));
      const someoneElse = await anotherCitizen.get<{ certificates: unknown[] }>(`${B}/certificate-library`);
      expect(someoneElse).toMatchObject({ status: 200, body: { certificates: [] } });
      expect(await local.api.get(`${B}/certificate-library`)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });

      // 容缺: the licence is accepted as missing, the case is approved, and the release waits for it
      const filed = await holder.post<{ caseId: string }>(`${B}/cases`, {
        itemCode: deferredLicenceItem.code,
        applicant: anApplicant({ idNumber }),
        formData: { businessName: '三都韦记米粉店' },
      });
      const commitment = { statement: '本人承诺在出件前补齐营业执照。', signedBy: '韦小宝', signedAt: '2026-11-23T02:00:00.000Z' };
      const caseId = filed.body.caseId;
      expect(
        (await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept', deferred: { materialIds: ['BUSINESS_LICENSE'], commitment } })).status,
      ).toBe(200);
      const handler = await staffApi(local, TENANT, marketHandler.staffId);
      const task = await eventually(async () => {
        const tasks = await handler.get<{ tasks: { taskId: string; caseId: string }[] }>(`${B}/departments/SCJGJ/tasks`);
        return tasks.body.tasks.find((candidate) => candidate.caseId === caseId);
      });
      expect((await handler.post(`${B}/tasks/${task.taskId}/decision`, { decision: 'approve' })).status).toBe(200);
      await eventually(async () => ((await viewOf(caseId)).status === 'completed' ? true : undefined));
      // the completion reached the certificate queue, but the 容缺 licence is due before anything is issued
      await eventually(async () => ((await viewOf(caseId)).timeline.some((event) => event.type === 'NotificationSent') ? true : undefined));
      expect((await viewOf(caseId)).certificates).toEqual([]);

      const chosen = await holder.post(`${B}/cases/${caseId}/delivery`, {
        method: 'mail',
        address: { recipient: '韦小宝', phone: '13800000000', detail: '三都县三合街道民族路1号' },
      });
      expect(chosen).toMatchObject({
        status: 200,
        body: { method: 'mail', status: 'chosen', blocked: true, waitingFor: ['BUSINESS_LICENSE'], deadline: expect.stringMatching(/T23:59:59\+08:00$/) },
      });
      const blocked = await window.post(`${B}/cases/${caseId}/delivery/handover`, { trackingNumber: '1187654321098' });
      expect(blocked).toMatchObject({ status: 422, body: { code: 'RELEASE_BLOCKED_BY_DEFERRED_MATERIALS' } });

      const someoneElses = await holder.post(`${B}/cases/${caseId}/materials/BUSINESS_LICENSE/library-reference`, {
        certificateNo: (await aCompletedSoleTrader('522732199404044567')).certificateNo,
      });
      expect(someoneElses).toMatchObject({ status: 422, body: { code: 'CERTIFICATE_HOLDER_MISMATCH' } });
      const referenced = await holder.post(`${B}/cases/${caseId}/materials/BUSINESS_LICENSE/library-reference`, { certificateNo });
      expect(referenced).toMatchObject({ status: 200, body: { status: 'provided', certificateNo, verification: 'certificate-library' } });
      // the last deferred material is in: the result's certificate is issued now
      await certificateOf(caseId);

      // the handover is the window's: without a token, or with the applicant's (a citizen token on a staff route), nothing happens
      const withoutStaff = await local.api.post(`${B}/cases/${caseId}/delivery/handover`, { trackingNumber: '1187654321098' });
      expect(withoutStaff).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await holder.post(`${B}/cases/${caseId}/delivery/handover`, { trackingNumber: '1187654321098' })).toMatchObject({
        status: 401,
        body: { code: 'UNAUTHENTICATED' },
      });
      const delivered = await window.post(`${B}/cases/${caseId}/delivery/handover`, { trackingNumber: '1187654321098' });
      expect(delivered).toMatchObject({
        status: 200,
        body: { status: 'delivered', blocked: false, deliveredBy: 'CK-02', trackingNumber: '1187654321098', light: 'green' },
      });
      const view = await viewOf(caseId);
      expect(view.release).toMatchObject({ status: 'delivered', method: 'mail', blocked: false });
      expect(JSON.stringify(view.release)).not.toContain('民族路');
      expect(view.timeline.map((event) => event.type)).toEqual(expect.arrayContaining(['CertificateIssued', 'ResultDeliveryChosen', 'ResultDelivered']));
    });

    it('then the holder downloads its signed document as a file, which verifies when presented; nobody else gets it', async () => {
      const idNumber = '522732199505055678';
      const { certificateNo } = await aCompletedSoleTrader(idNumber);
      const signedIn = await asCitizen(local, enrolApplicant(local, anApplicant({ idNumber })));
      const path = `${B}/certificate-library/${certificateNo}/document`;

      const downloaded = await fetch(`${local.platform.url}${path}`, { headers: signedIn });
      expect(downloaded.status).toBe(200);
      expect(downloaded.headers.get('content-disposition')).toBe(`attachment; filename="${certificateNo}.json"`);
      expect(downloaded.headers.get('content-type')).toMatch(/^application\/json/);
      const bytes = await downloaded.text();
      const stored = await (await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: objectKey(certificateNo) }))).Body!.transformToString('utf8');
      expect(bytes).toBe(stored);
      expect(bytes).not.toContain(idNumber);
      // the same answer through the contract-checked client: its shape is the documented SignedCertificateDocument
      expect(await apiClient(local.platform.url, signedIn).get(path)).toMatchObject({ status: 200, body: { certificate: { certificateNo } } });

      expect(await local.api.postRaw('/v1/certificates/verification', bytes)).toMatchObject({
        status: 200,
        body: { certificateNo, status: 'valid', reasons: [] },
      });

      const anotherCitizen = apiClient(local.platform.url, await asCitizen(local, ANOTHER_CITIZEN_PHONE));
      expect(await anotherCitizen.get(path)).toMatchObject({ status: 404, body: { code: 'CERTIFICATE_NOT_FOUND' } });
      expect(await local.api.get(path)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await window.get(path)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    });

    it('then a material naming an unknown number, or one of another type, is refused with a code', async () => {
      const applicant = await applicantApi(local, anApplicant());
      const filed = await applicant.post<{ caseId: string }>(`${B}/cases`, {
        itemCode: deferredLicenceItem.code,
        applicant: anApplicant(),
        formData: { businessName: '甲' },
      });
      const path = `${B}/cases/${filed.body.caseId}/materials/BUSINESS_LICENSE/library-reference`;
      expect(await applicant.post(path, { certificateNo: '522732-2026-BUSINESS_LICENSE-0000000000AB' })).toMatchObject({
        status: 404,
        body: { code: 'CERTIFICATE_NOT_FOUND' },
      });
      expect(await applicant.post(path, { certificateNo: '黔（2026）三都县不动产权第0001234号' })).toMatchObject({
        status: 400,
        body: { code: 'CERTIFICATE_NO_INVALID' },
      });
    });
  });

  describe('when a commitment (告知承诺) turns out false', () => {
    it('then the certificate issued on approval is revoked and verification says revoked', async () => {
      const hotel = anApplicant({ kind: 'organisation', name: '三都水乡宾馆', idType: '统一社会信用代码', idNumber: '91522732MA6DLZZZ3S' });
      const applicant = await applicantApi(local, hotel);
      const { body } = await applicant.post<{ caseId: string }>(`${B}/cases`, {
        itemCode: 'SHSW-0003',
        applicant: hotel,
        formData: {
          operatorName: '三都水乡宾馆',
          unifiedSocialCreditCode: '91522732MA6DLZZZ3S',
          businessAddress: '三合街道',
          placeCategory: '住宿场所',
          businessAreaSquareMetres: 800,
          phone: '13800000000',
        },
        commitment: { statement: '本单位承诺所申请事项符合公共场所卫生要求，所提交材料真实有效。', signedBy: '韦经理', signedAt: '2026-11-23T02:00:00.000Z' },
      });
      expect((await window.post(`${B}/cases/${body.caseId}/acceptance`, { decision: 'accept' })).body).toMatchObject({ status: 'completed' });
      const { certificateNo } = await certificateOf(body.caseId);
      expect((await local.api.get(`/v1/certificates/${certificateNo}/verify`)).body).toMatchObject({
        status: 'valid',
        certificate: { validUntil: expect.any(String) },
      });

      // the check is 卫健局's, the item's lead department: its handler's 工号 is the verifier
      const verifier = await staffApi(local, TENANT, healthHandler.staffId);
      expect(await verifier.post(`${B}/cases/${body.caseId}/post-verification`, { outcome: 'false-commitment', note: '现场核查无消毒设施' })).toMatchObject({
        status: 200,
      });
      await certificateOf(body.caseId, 'revoked');
      expect(await local.api.get(`/v1/certificates/${certificateNo}/verify`)).toMatchObject({ status: 200, body: { status: 'revoked', reasons: ['REVOKED'] } });
      const view = await viewOf(body.caseId);
      expect(view.timeline.filter((event) => event.type === 'CertificateRevoked')).toHaveLength(1);
      expect(await applicant.post(`${B}/cases/${body.caseId}/delivery`, { method: 'pickup' })).toMatchObject({
        status: 409,
        body: { code: 'CASE_NOT_COMPLETED' },
      });
    });
  });
});
