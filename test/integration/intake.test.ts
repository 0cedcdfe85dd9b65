import { createHash } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { aPlatformForThisFile } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

const planningApplication = aPlanningApplication;

type Notice = { noticeNo: string; kind: string; items?: { materialId: string }[] };

describe('given the local platform with 三都县', () => {
  const local = aPlatformForThisFile();

  describe('when the window finds materials missing (一次性告知), the applicant supplements, and the window accepts', () => {
    it('then one notice lists everything, a second is refused, and acceptance issues a receipt archived in S3', async () => {
      const { body } = await local.api.post<{ caseId: string }>(`${B}/cases`, planningApplication());
      const supplement = await local.api.post<{ status: string; notice: Notice }>(`${B}/cases/${body.caseId}/acceptance`, {
        decision: 'supplement',
        items: [
          { materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' },
          { materialId: 'CIVIL_AIR_DEFENCE_DESIGN', reason: '未提供防空地下室设计文件' },
        ],
      });
      expect(supplement).toMatchObject({ status: 200, body: { status: 'supplement_requested', notice: { kind: 'supplement' } } });
      expect(supplement.body.notice.items).toHaveLength(2);

      const acceptWhileWaiting = await local.api.post(`${B}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
      expect(acceptWhileWaiting).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });

      const resubmitted = await local.api.post(`${B}/cases/${body.caseId}/resubmission`, { formData: { totalFloorAreaSquareMetres: 12900 } });
      expect(resubmitted).toMatchObject({ status: 200, body: { status: 'submitted' } });

      const secondNotice = await local.api.post(`${B}/cases/${body.caseId}/acceptance`, {
        decision: 'supplement',
        items: [{ materialId: 'LAND_TITLE', reason: '补充' }],
      });
      expect(secondNotice).toMatchObject({ status: 409, body: { code: 'SUPPLEMENT_ALREADY_NOTIFIED' } });

      const accepted = await local.api.post<{ status: string; notice: Notice }>(`${B}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
      expect(accepted).toMatchObject({ status: 200, body: { status: 'in_approval', notice: { kind: 'acceptance' } } });

      const view = await local.api.get<{
        notices: Notice[];
        receivedAt: string;
        createdAt: string;
        timeline: { type: string }[];
        materials: { materialId: string; status: string }[];
        missingMaterials: { deferrable: { materialId: string }[] };
      }>(`${B}/cases/${body.caseId}`);
      expect(view.body.materials.map((material) => material.materialId)).toContain('DESIGN_SCHEME');
      expect(view.body.materials.every((material) => material.status === 'missing')).toBe(true);
      expect(JSON.stringify(view.body.missingMaterials)).toContain('PROJECT_APPROVAL');
      expect(view.body.notices.map((notice) => notice.kind)).toEqual(['supplement', 'acceptance']);
      expect(view.body.receivedAt > view.body.createdAt).toBe(true);
      expect(view.body.timeline.map((event) => event.type)).toEqual(expect.arrayContaining(['SupplementRequested', 'CaseResubmitted', 'CaseAccepted']));

      const s3 = new S3Client({
        endpoint: local.platform.environment.AWS_ENDPOINT_URL_S3,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      });
      const archived = await s3.send(
        new GetObjectCommand({
          Bucket: local.platform.environment.CERTIFICATES_BUCKET,
          Key: `notices/${TENANT}/${body.caseId}/${accepted.body.notice.noticeNo}.json`,
        }),
      );
      const document = JSON.parse(await (archived.Body as { transformToString(): Promise<string> }).transformToString());
      expect(document).toMatchObject({ title: '受理通知书（电子回执）', caseId: body.caseId, noticeNo: accepted.body.notice.noticeNo });
    });
  });

  describe('when the window accepts with a 容缺 material missing (容缺受理)', () => {
    it('then the case records the deferred material and its commitment, release stays blocked until it arrives, and it can still be uploaded', async () => {
      const { body } = await local.api.post<{ caseId: string }>(`${B}/cases`, planningApplication('91522732MA6DLRQS4T'));
      const commitment = { statement: '本单位承诺在发证前补齐建设项目批准文件。', signedBy: '韦工', signedAt: '2026-11-23T02:00:00.000Z' };
      const notDeferrable = await local.api.post(`${B}/cases/${body.caseId}/acceptance`, {
        decision: 'accept',
        deferred: { materialIds: ['DESIGN_SCHEME'], commitment },
      });
      expect(notDeferrable).toMatchObject({ status: 400, body: { code: 'MATERIAL_NOT_DEFERRABLE' } });

      const accepted = await local.api.post(`${B}/cases/${body.caseId}/acceptance`, {
        decision: 'accept',
        deferred: { materialIds: ['PROJECT_APPROVAL'], commitment },
      });
      expect(accepted.status).toBe(200);
      type View = { deferredMaterials: { materialIds: string[]; commitment: { signedBy: string } }; release: { blocked: boolean; waitingFor: string[] } };
      const blocked = await local.api.get<View>(`${B}/cases/${body.caseId}`);
      expect(blocked.body).toMatchObject({
        deferredMaterials: { materialIds: ['PROJECT_APPROVAL'], commitment: { signedBy: '韦工' } },
        release: { blocked: true, waitingFor: ['PROJECT_APPROVAL'] },
      });

      const pdf = Buffer.from('%PDF-1.4\n% 建设项目批准文件\n%%EOF\n');
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const upload = await local.api.post<{ uploadId: string; uploadUrl: string; headers: Record<string, string> }>(
        `${B}/cases/${body.caseId}/materials/PROJECT_APPROVAL/uploads`,
        {
          fileName: '立项批复.pdf',
          contentType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256,
        },
      );
      expect(upload.status).toBe(201);
      expect((await fetch(upload.body.uploadUrl, { method: 'PUT', headers: upload.body.headers, body: pdf })).ok).toBe(true);
      expect((await local.api.post(`${B}/cases/${body.caseId}/materials/PROJECT_APPROVAL/uploads/${upload.body.uploadId}/complete`)).status).toBe(200);

      const released = await local.api.get<View>(`${B}/cases/${body.caseId}`);
      expect(released.body.release).toEqual({ blocked: false, waitingFor: [], status: 'not_due' });
      const otherMaterial = await local.api.post(`${B}/cases/${body.caseId}/materials/DESIGN_SCHEME/uploads`, {
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        sha256,
      });
      expect(otherMaterial).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });
    });
  });

  describe('when a window clerk takes a 即办件 (个体工商户设立登记)', () => {
    it('then it is completed on the spot with its result, and window intake must name the window and clerk', async () => {
      const application = {
        itemCode: 'SCZR-0001',
        channel: 'window',
        applicant: anApplicant(),
        formData: {
          operatorName: '韦小宝',
          operatorIdNumber: '52273219900101123X',
          phone: '13800000000',
          organizationForm: '个人经营',
          businessScope: '米粉',
          businessAddress: '三合街道',
          capitalTenThousandYuan: 5,
        },
      };
      const withoutWindow = await local.api.post(`${B}/cases`, application);
      expect(withoutWindow).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ path: 'body.window' })] } });

      const { body } = await local.api.post<{ caseId: string }>(`${B}/cases`, { ...application, window: { windowId: 'ZH-SCZR', clerk: '窗口02' } });
      const done = await local.api.post(`${B}/cases/${body.caseId}/acceptance`, { decision: 'complete', actor: '窗口02' });
      expect(done).toMatchObject({ status: 200, body: { status: 'completed', result: '营业执照' } });

      const planning = await local.api.post<{ caseId: string }>(`${B}/cases`, planningApplication('91522732MA6DLYYY2R'));
      const notImmediate = await local.api.post(`${B}/cases/${planning.body.caseId}/acceptance`, { decision: 'complete' });
      expect(notImmediate).toMatchObject({ status: 409, body: { code: 'NOT_AN_IMMEDIATE_ITEM' } });
    });
  });

  describe('when an applicant signs a commitment (告知承诺) for 公共场所卫生许可', () => {
    const hygieneApplication = (commitment: boolean) => ({
      itemCode: 'SHSW-0003',
      applicant: anApplicant({ kind: 'organisation', name: '三都水乡宾馆', idType: '统一社会信用代码', idNumber: '91522732MA6DLZZZ3S' }),
      formData: {
        operatorName: '三都水乡宾馆',
        unifiedSocialCreditCode: '91522732MA6DLZZZ3S',
        businessAddress: '三合街道',
        placeCategory: '住宿场所',
        businessAreaSquareMetres: 800,
        phone: '13800000000',
      },
      ...(commitment
        ? {
            commitment: {
              statement: '本单位承诺所申请事项符合公共场所卫生要求，所提交材料真实有效。',
              signedBy: '韦经理',
              signedAt: '2026-11-23T02:00:00.000Z',
            },
          }
        : {}),
    });

    it('then it is approved at once with a post-verification due, and a false commitment revokes it with a credit record', async () => {
      const { body } = await local.api.post<{ caseId: string }>(`${B}/cases`, hygieneApplication(true));
      const approved = await local.api.post(`${B}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
      expect(approved).toMatchObject({ status: 200, body: { status: 'completed', postVerification: { status: 'pending' } } });

      const revoked = await local.api.post(`${B}/cases/${body.caseId}/post-verification`, {
        outcome: 'false-commitment',
        verifier: '卫健局核查员',
        note: '现场核查无消毒设施',
      });
      expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked', creditRecord: { reason: '现场核查无消毒设施' } } });
      const again = await local.api.post(`${B}/cases/${body.caseId}/post-verification`, { outcome: 'confirmed', verifier: 'x', note: 'y' });
      expect(again).toMatchObject({ status: 409, body: { code: 'NO_PENDING_VERIFICATION' } });
      const view = await local.api.get<{ timeline: { type: string }[] }>(`${B}/cases/${body.caseId}`);
      expect(view.body.timeline.map((event) => event.type)).toContain('ApprovalRevoked');
    });

    it('then an item that does not allow commitments refuses one', async () => {
      const refused = await local.api.post(`${B}/cases`, {
        ...planningApplication(),
        commitment: { statement: '我承诺所有材料真实有效，无需核验。', signedBy: '某人', signedAt: '2026-11-23T02:00:00.000Z' },
      });
      expect(refused).toMatchObject({ status: 400, body: { code: 'COMMITMENT_NOT_ALLOWED' } });
    });
  });

  describe('when a client retries one create in a storm with the same Idempotency-Key', () => {
    it('then every retry gets the first reply and exactly one case exists', async () => {
      const key = `storm-${Date.now()}`;
      const idNumber = '52273219800101001X';
      const send = () =>
        fetch(`${local.platform.url}${B}/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ ...planningApplication(), applicant: anApplicant({ idNumber }) }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { caseId: string } }));
      const replies = await Promise.all(Array.from({ length: 12 }, send));
      expect(new Set(replies.map((reply) => reply.status))).toEqual(new Set([201]));
      expect(new Set(replies.map((reply) => reply.body.caseId)).size).toBe(1);

      const mine = await local.api.post<{ cases: unknown[] }>(`${B}/my-cases`, { idType: '居民身份证', idNumber, phone: '13800000000' });
      expect(mine.body.cases).toHaveLength(1);

      const reused = await fetch(`${local.platform.url}${B}/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ ...planningApplication(), applicant: anApplicant({ idNumber, name: '另一个人' }) }),
      });
      expect(reused.status).toBe(400);
      expect(((await reused.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('when an applicant lists their cases', () => {
    it('then only cases under their ID and phone are shown, newest first', async () => {
      const idNumber = '52273219851212002X';
      const first = await local.api.post<{ caseId: string }>(`${B}/cases`, { ...planningApplication(), applicant: anApplicant({ idNumber }) });
      const second = await local.api.post<{ caseId: string }>(`${B}/cases`, { ...planningApplication(), applicant: anApplicant({ idNumber }) });
      const mine = await local.api.post<{ cases: { caseId: string }[] }>(`${B}/my-cases`, { idType: '居民身份证', idNumber, phone: '13800000000' });
      expect(mine.body.cases.map((found) => found.caseId)).toEqual([second.body.caseId, first.body.caseId]);
      const wrongPhone = await local.api.post<{ cases: unknown[] }>(`${B}/my-cases`, { idType: '居民身份证', idNumber, phone: '13900000000' });
      expect(wrongPhone.body.cases).toEqual([]);
    });
  });
});
