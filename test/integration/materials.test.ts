import { createHash } from 'node:crypto';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MaterialSchema } from '../../functions/catalogue/domain/tenant-config/index';
import { aZip } from '../support/zip';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { type ApiClient, type ApiReply, aPlatformForThisFile, applicantApi, asCitizen, apiClient, staffApi } from './support/platform';
import { aOnePagePdf } from '../../scripts/api/sample-files';

/*
 * The materials routes of the platform's HTTP API against the real local engines (DynamoDB Local and
 * fauxqs S3), called with the ID tokens of the signed-in applicant and of the window clerk (the local
 * providers' real sign-in); the bytes go through real presigned URLs.
 */

type Reply = ApiReply;

const TENANT = '522732';
const casePath = (caseId: string, tenantId = TENANT) => `/v1/tenants/${tenantId}/cases/${caseId}`;
/** A real-name citizen of config/local/citizens.yaml who is not the applicant of any case here. */
const ANOTHER_CITIZEN_PHONE = '13800000001';

/** A small but well-formed one-page PDF. */
const aPdf = (title = '建设工程规划许可申请表') => aOnePagePdf(title);
const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR fake image body')]);
const WINDOWS_EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const ofdItem = aPublishedItem({
  tenantId: TENANT,
  code: 'TEST-OFD1',
  materials: [MaterialSchema.parse({ id: 'DRAWING_REVIEW_CERT', name: '施工图设计文件审查合格书', fileTypes: ['ofd'] })],
});

const planningApplication = {
  itemCode: 'GTGH-0001',
  applicant: { kind: 'organisation', name: '三都县城投建设有限公司', idType: '统一社会信用代码', idNumber: '91522732MA6DLXXX1Q', phone: '13800000000' },
  formData: {
    projectName: '三都县民族文化广场',
    constructionUnit: '三都县城投建设有限公司',
    unifiedSocialCreditCode: '91522732MA6DLXXX1Q',
    projectAddress: '三都县三合街道',
    landUsePermitNumber: '地字第522732202600012号',
    totalFloorAreaSquareMetres: 12800,
    contactName: '韦工',
    phone: '13800000000',
  },
} as const;

describe('given the local platform and a submitted 建设工程规划许可 case of 三都县', () => {
  const running = aPlatformForThisFile([ofdItem]);
  let s3: S3Client;
  let bucket: string;
  let caseId: string;
  /** The company that filed the case online, signed in with its real-name account. */
  let applicant: ApiClient;
  /** A window clerk of 三都县, and one of 城中区 (another county). */
  let window: ApiClient;
  let otherCountyWindow: ApiClient;

  const requestUpload = (
    materialId: string,
    declared: { fileName: string; contentType: string; sizeBytes: number; sha256: string },
    onCase = caseId,
    tenantId = TENANT,
    as = applicant,
  ): Promise<Reply> => as.post(`${casePath(onCase, tenantId)}/materials/${materialId}/uploads`, declared);

  const complete = (materialId: string, uploadId: string, onCase = caseId, as = applicant): Promise<Reply> =>
    as.post(`${casePath(onCase)}/materials/${materialId}/uploads/${uploadId}/complete`, {});

  const reference = (materialId: string, certificateNo: string, onCase = caseId): Promise<Reply> =>
    applicant.post(`${casePath(onCase)}/materials/${materialId}/library-reference`, { certificateNo });

  const download = (materialId: string, onCase = caseId, tenantId = TENANT, as = window): Promise<Reply> =>
    as.get(`${casePath(onCase, tenantId)}/materials/${materialId}/download`);

  /** Declares a file (by default honestly), PUTs `bytes` to the presigned URL as told, and completes. */
  const upload = async (
    materialId: string,
    file: { fileName: string; contentType: string; bytes: Buffer; declaredBytes?: Buffer },
    onCase = caseId,
    as = applicant,
  ) => {
    const declaredBytes = file.declaredBytes ?? file.bytes;
    const requested = await requestUpload(
      materialId,
      { fileName: file.fileName, contentType: file.contentType, sizeBytes: declaredBytes.length, sha256: sha256(declaredBytes) },
      onCase,
      TENANT,
      as,
    );
    expect(requested.status).toBe(201);
    const { uploadId, uploadUrl, headers } = requested.body as { uploadId: string; uploadUrl: string; headers: Record<string, string> };
    const put = await fetch(uploadUrl, { method: 'PUT', headers, body: file.bytes });
    expect(put.status).toBe(200);
    return { uploadId, uploadUrl, requested, completed: await complete(materialId, uploadId, onCase, as) };
  };

  const objectExists = async (key: string) =>
    s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
      () => true,
      (error: { $metadata?: { httpStatusCode?: number } }) => (error.$metadata?.httpStatusCode === 404 ? false : Promise.reject(error)),
    );

  const fileCase = async (body: object = planningApplication, as = applicant) => {
    const created = await as.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, body);
    expect(created.status).toBe(201);
    return created.body.caseId;
  };

  const checklistOf = async (onCase = caseId) => {
    const reply = await applicant.get(`${casePath(onCase)}/materials`);
    expect(reply.status).toBe(200);
    return reply.body as { materials: Array<Record<string, unknown>>; missing: { blocking: string[]; deferrable: string[] } };
  };

  beforeAll(async () => {
    const environment = running.platform.environment;
    s3 = new S3Client({
      endpoint: environment.AWS_ENDPOINT_URL_S3,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    bucket = environment.MATERIALS_BUCKET as string;
    applicant = await applicantApi(running, planningApplication.applicant);
    window = await staffApi(running, TENANT, 'CK-01');
    otherCountyWindow = await staffApi(running, '630103', 'CK-01');
    caseId = await fileCase();
  });

  describe('when the applicant uploads a real PDF and completes the upload', () => {
    const pdf = aPdf();
    let uploadId: string;
    let firstCompletion: Reply;

    beforeAll(async () => {
      const uploaded = await upload('PLANNING_APPLICATION', { fileName: '建设工程规划许可申请表.pdf', contentType: 'application/pdf', bytes: pdf });
      uploadId = uploaded.uploadId;
      firstCompletion = uploaded.completed;
    });

    it('then the upload is verified and the material is provided in the checklist, without any storage key', async () => {
      expect(firstCompletion).toMatchObject({
        status: 200,
        body: { status: 'verified', fileName: '建设工程规划许可申请表.pdf', sizeBytes: pdf.length, sha256: sha256(pdf) },
      });
      const checklist = await checklistOf();
      expect(checklist.materials.find((entry) => entry.materialId === 'PLANNING_APPLICATION')).toMatchObject({
        status: 'provided',
        source: 'upload',
        fileName: '建设工程规划许可申请表.pdf',
        sizeBytes: pdf.length,
        uploadedAt: expect.any(String),
      });
      expect(checklist.missing.blocking).not.toContain('PLANNING_APPLICATION');
      expect(checklist.missing.deferrable).toEqual(['PROJECT_APPROVAL']);
      expect(JSON.stringify(checklist)).not.toContain(`${TENANT}/`);
    });

    it('then the case timeline shows MaterialProvided once, and completing again gives the same answer without a second event', async () => {
      const again = await complete('PLANNING_APPLICATION', uploadId);
      expect(again).toEqual(firstCompletion);
      const view = await applicant.get<{ timeline: Array<{ type: string; detail: Record<string, unknown> }> }>(casePath(caseId));
      const provided = view.body.timeline.filter((event) => event.type === 'MaterialProvided' && event.detail.uploadId === uploadId);
      expect(provided).toHaveLength(1);
      expect(provided[0]?.detail).toMatchObject({ materialId: 'PLANNING_APPLICATION', source: 'upload', sha256: sha256(pdf) });
    });

    it('then staff get a short-lived download URL that returns the very same bytes', async () => {
      const reply = await download('PLANNING_APPLICATION');
      expect(reply).toMatchObject({
        status: 200,
        body: { fileName: '建设工程规划许可申请表.pdf', contentType: 'application/pdf', url: expect.stringContaining('X-Amz-Expires=300') },
      });
      const fetched = await fetch(reply.body.url as string);
      expect(fetched.status).toBe(200);
      expect(Buffer.from(await fetched.arrayBuffer()).equals(pdf)).toBe(true);
    });

    it('then a later verified upload of the same material replaces it (latest wins)', async () => {
      const newer = aPdf('修订版申请表');
      await upload('PLANNING_APPLICATION', { fileName: '申请表（修订）.pdf', contentType: 'application/pdf', bytes: newer });
      const checklist = await checklistOf();
      expect(checklist.materials.find((entry) => entry.materialId === 'PLANNING_APPLICATION')).toMatchObject({
        fileName: '申请表（修订）.pdf',
        sizeBytes: newer.length,
      });
    });
  });

  describe('when hostile or broken uploads arrive', () => {
    it('then PNG bytes declared as a PDF are refused, deleted from the bucket, and the material stays missing', async () => {
      const { uploadId, completed } = await upload('DESIGN_SCHEME', { fileName: '设计方案.pdf', contentType: 'application/pdf', bytes: PNG_BYTES });
      expect(completed).toMatchObject({
        status: 422,
        body: { code: 'MATERIAL_CONTENT_MISMATCH', messageZh: expect.stringContaining('PNG图片'), messageEn: expect.stringContaining('PNG image') },
      });
      expect(await objectExists(`${TENANT}/${caseId}/DESIGN_SCHEME/${uploadId}`)).toBe(false);
      expect((await checklistOf()).materials.find((entry) => entry.materialId === 'DESIGN_SCHEME')).toMatchObject({ status: 'missing' });
    });

    it('then a Windows executable renamed .pdf is refused and deleted', async () => {
      const { uploadId, completed } = await upload('DESIGN_SCHEME', { fileName: 'setup.pdf', contentType: 'application/pdf', bytes: WINDOWS_EXECUTABLE });
      expect(completed).toMatchObject({ status: 422, body: { code: 'MATERIAL_CONTENT_MISMATCH', messageEn: expect.stringContaining('Windows executable') } });
      expect(await objectExists(`${TENANT}/${caseId}/DESIGN_SCHEME/${uploadId}`)).toBe(false);
    });

    it('then bytes other than the declared ones fail the checksum, are deleted, and a second completion answers the same', async () => {
      const declared = aPdf('甲');
      const sent = aPdf('乙');
      expect(sent.length).toBe(declared.length);
      const { uploadId, completed } = await upload('DESIGN_SCHEME', {
        fileName: '设计方案.pdf',
        contentType: 'application/pdf',
        bytes: sent,
        declaredBytes: declared,
      });
      expect(completed).toMatchObject({ status: 422, body: { code: 'MATERIAL_CHECKSUM_MISMATCH' } });
      expect(await objectExists(`${TENANT}/${caseId}/DESIGN_SCHEME/${uploadId}`)).toBe(false);
      expect(await complete('DESIGN_SCHEME', uploadId)).toMatchObject({ status: 422, body: { code: 'MATERIAL_CHECKSUM_MISMATCH' } });
      const view = await applicant.get<{ timeline: Array<{ type: string; detail: Record<string, unknown> }> }>(casePath(caseId));
      expect(view.body.timeline.filter((event) => event.type === 'MaterialRejected' && event.detail.uploadId === uploadId)).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ code: 'MATERIAL_CHECKSUM_MISMATCH' }) }),
      ]);
    });

    it('then more bytes than declared fail the size check', async () => {
      const declared = aPdf();
      const { completed } = await upload('DESIGN_SCHEME', {
        fileName: '设计方案.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.concat([declared, Buffer.from('% appended\n')]),
        declaredBytes: declared,
      });
      expect(completed).toMatchObject({ status: 422, body: { code: 'MATERIAL_SIZE_MISMATCH' } });
    });

    it('then an oversize, wrongly typed or unknown declaration never gets an upload URL', async () => {
      const honest = { fileName: '设计方案.pdf', contentType: 'application/pdf', sizeBytes: 1000, sha256: sha256(aPdf()) };
      expect(await requestUpload('DESIGN_SCHEME', { ...honest, sizeBytes: 21 * 1024 * 1024 })).toMatchObject({
        status: 400,
        body: { code: 'MATERIAL_TOO_LARGE' },
      });
      expect(await requestUpload('DESIGN_SCHEME', { ...honest, fileName: '总平面图.png', contentType: 'image/png' })).toMatchObject({
        status: 400,
        body: { code: 'MATERIAL_TYPE_NOT_ALLOWED' },
      });
      expect(await requestUpload('DESIGN_SCHEME', { ...honest, contentType: 'text/html' })).toMatchObject({
        status: 400,
        body: { code: 'MATERIAL_CONTENT_TYPE_MISMATCH' },
      });
      expect(await requestUpload('ID_CARD', honest)).toMatchObject({ status: 400, body: { code: 'UNKNOWN_MATERIAL' } });
      expect(await requestUpload('DESIGN_SCHEME', { ...honest, sha256: 'not-a-hash' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });

    it('then completing before anything was uploaded is MATERIAL_NOT_UPLOADED, and the same upload still works afterwards', async () => {
      const pdf = aPdf('人防设计');
      const requested = await requestUpload('CIVIL_AIR_DEFENCE_DESIGN', {
        fileName: '防空地下室设计.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: sha256(pdf),
      });
      const { uploadId, uploadUrl, headers } = requested.body as { uploadId: string; uploadUrl: string; headers: Record<string, string> };
      expect(await complete('CIVIL_AIR_DEFENCE_DESIGN', uploadId)).toMatchObject({ status: 422, body: { code: 'MATERIAL_NOT_UPLOADED' } });
      await fetch(uploadUrl, { method: 'PUT', headers, body: pdf });
      expect(await complete('CIVIL_AIR_DEFENCE_DESIGN', uploadId)).toMatchObject({ status: 200, body: { status: 'verified' } });
    });

    it('then a path in the file name is stripped: the stored name is sanitised and the object key is tenant first, without the name', async () => {
      const pdf = aPdf('批准文件');
      const { uploadId, uploadUrl, requested, completed } = await upload('PROJECT_APPROVAL', {
        fileName: '../../../etc/C:\\x\\立项批复\u0000.pdf',
        contentType: 'application/pdf',
        bytes: pdf,
      });
      expect(requested.body.fileName).toBe('立项批复.pdf');
      expect(completed).toMatchObject({ status: 200, body: { fileName: '立项批复.pdf' } });
      expect(new URL(uploadUrl).pathname).toBe(`/${bucket}/${TENANT}/${caseId}/PROJECT_APPROVAL/${uploadId}`);
      expect((await checklistOf()).materials.find((entry) => entry.materialId === 'PROJECT_APPROVAL')).toMatchObject({
        status: 'provided',
        fileName: '立项批复.pdf',
      });
    });

    it('then an unknown upload and a material without a file are 404s', async () => {
      expect(await complete('DESIGN_SCHEME', '01M851TX2QZ0000000000000A1')).toMatchObject({ status: 404, body: { code: 'MATERIAL_UPLOAD_NOT_FOUND' } });
      expect(await download('LAND_USE_PLANNING_PERMIT')).toMatchObject({
        status: 404,
        body: { code: 'MATERIAL_FILE_NOT_FOUND' },
      });
    });
  });

  describe('when an OFD file is uploaded (a zip container)', () => {
    let ofdCaseId: string;
    /** The applicant of the OFD case, a person with a real-name account of their own. */
    let ofdApplicant: ApiClient;

    beforeAll(async () => {
      ofdApplicant = await applicantApi(running, anApplicant());
      ofdCaseId = await fileCase({ itemCode: ofdItem.code, applicant: anApplicant(), formData: { businessName: '三都韦记米粉店' } }, ofdApplicant);
    });

    it('then a package with OFD.xml is verified, read through ranged reads of its tail', async () => {
      const ofd = aZip({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
      const { completed } = await upload(
        'DRAWING_REVIEW_CERT',
        { fileName: '审查合格书.ofd', contentType: 'application/ofd', bytes: ofd },
        ofdCaseId,
        ofdApplicant,
      );
      expect(completed).toMatchObject({ status: 200, body: { status: 'verified', contentType: 'application/ofd' } });
    });

    it('then any other zip renamed .ofd is refused and deleted', async () => {
      const { uploadId, completed } = await upload(
        'DRAWING_REVIEW_CERT',
        { fileName: '审查合格书.ofd', contentType: 'application/ofd', bytes: aZip({ 'payload.exe': 'MZ' }) },
        ofdCaseId,
        ofdApplicant,
      );
      expect(completed).toMatchObject({ status: 422, body: { code: 'MATERIAL_CONTENT_MISMATCH', messageEn: expect.stringContaining('OFD.xml') } });
      expect(await objectExists(`${TENANT}/${ofdCaseId}/DRAWING_REVIEW_CERT/${uploadId}`)).toBe(false);
    });
  });

  describe('when a material is provided from the certificate library (免证办)', () => {
    it('then a number that is not in this county’s library is refused and the material stays missing (the accepted path is in certificates.test.ts)', async () => {
      expect(await reference('LAND_TITLE', '黔（2026）三都县不动产权第0001234号')).toMatchObject({
        status: 400,
        body: { code: 'CERTIFICATE_NO_INVALID' },
      });
      expect(await reference('LAND_TITLE', '522732-2026-REAL_ESTATE_CERT-0000000000AB')).toMatchObject({
        status: 404,
        body: { code: 'CERTIFICATE_NOT_FOUND' },
      });
      expect((await checklistOf()).materials.find((entry) => entry.materialId === 'LAND_TITLE')).toMatchObject({ status: 'missing' });
    });

    it('then a material without a certificate type, or a malformed number, is a 400', async () => {
      expect(await reference('DESIGN_SCHEME', 'X-1')).toMatchObject({
        status: 400,
        body: { code: 'MATERIAL_NOT_IN_CERTIFICATE_LIBRARY' },
      });
      expect(await reference('LAND_USE_PLANNING_PERMIT', 'x'.repeat(65))).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
    });
  });

  describe('when the case does not take materials, or is not the caller’s or the caller tenant’s', () => {
    const honest = { fileName: '申请表.pdf', contentType: 'application/pdf', sizeBytes: 100, sha256: 'a'.repeat(64) };

    it('then a case that was refused (不予受理) is a 409 for uploads and references', async () => {
      const refusedCase = await fileCase();
      expect((await window.post(`${casePath(refusedCase)}/acceptance`, { decision: 'reject', reason: '不属于本机关职权范围' })).status).toBe(200);
      expect(await requestUpload('PLANNING_APPLICATION', honest, refusedCase)).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });
      expect(await reference('LAND_TITLE', 'C-1', refusedCase)).toMatchObject({
        status: 409,
        body: { code: 'CASE_STATE_CONFLICT' },
      });
    });

    it('then another tenant, another citizen, or an unknown case, sees no case at all', async () => {
      expect(await requestUpload('PLANNING_APPLICATION', honest, caseId, '630103')).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      expect(await applicant.get(`${casePath(caseId, '630103')}/materials`)).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      expect(await download('PLANNING_APPLICATION', caseId, '630103', otherCountyWindow)).toMatchObject({ status: 404 });
      // another person's case is not theirs to learn about either: the same 404 as an unknown one
      const anotherCitizen = apiClient(running.platform.url, await asCitizen(running, ANOTHER_CITIZEN_PHONE));
      expect(await requestUpload('PLANNING_APPLICATION', honest, caseId, TENANT, anotherCitizen)).toMatchObject({
        status: 404,
        body: { code: 'CASE_NOT_FOUND' },
      });
      expect(await anotherCitizen.get(`${casePath(caseId)}/materials`)).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      expect(await requestUpload('PLANNING_APPLICATION', honest, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).toMatchObject({
        status: 404,
        body: { code: 'CASE_NOT_FOUND' },
      });
    });
  });
});
