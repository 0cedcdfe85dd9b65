import { createHash } from 'node:crypto';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, apiClient, applicantApi, archivedNotice, asCitizen, enrolApplicant, staffApi } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

const planningApplication = aPlanningApplication;

type Notice = { noticeNo: string; kind: string; items?: { materialId: string }[] };

/** 卫健局 verifies 公共场所卫生许可 granted on commitment; config/local/staff.yaml has no handler of it in 三都县. */
const healthHandler = { tenantId: TENANT, staffId: 'WJJ-007', name: '潘卫健', role: 'handler', deptId: 'WJJ', phone: '13985270083' } as const;

describe('given the local platform with 三都县', () => {
  const local = aPlatformForThisFile([], { staff: [healthHandler] });
  /** The window clerk on duty (config/local/staff.yaml). */
  let window: ApiClient;

  beforeAll(async () => {
    window = await staffApi(local, TENANT, 'CK-01');
  });

  /** Files the application online, signed in with its applicant's real-name account; returns that applicant's API. */
  const fileOnline = async (application: { applicant: Parameters<typeof applicantApi>[1] } & Record<string, unknown>) => {
    const applicant = await applicantApi(local, application.applicant);
    const filed = await applicant.post<{ caseId: string }>(`${B}/cases`, application);
    expect(filed.status).toBe(201);
    return { applicant, caseId: filed.body.caseId };
  };

  describe('when the window finds materials missing (一次性告知), the applicant supplements, and the window accepts', () => {
    // what each decision does to the case (one notice, the refusals, the view): test/use-cases/intake-acceptance.test.ts
    it('then each step is answered by its route, and acceptance archives a receipt in S3', async () => {
      const { applicant, caseId } = await fileOnline(planningApplication());
      const supplement = await window.post(`${B}/cases/${caseId}/acceptance`, {
        decision: 'supplement',
        items: [
          { materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' },
          { materialId: 'CIVIL_AIR_DEFENCE_DESIGN', reason: '未提供防空地下室设计文件' },
        ],
      });
      expect(supplement.status).toBe(200);

      const resubmitted = await applicant.post(`${B}/cases/${caseId}/resubmission`, { formData: { totalFloorAreaSquareMetres: 12900 } });
      expect(resubmitted.status).toBe(200);

      const accepted = await window.post<{ status: string; notice: Notice }>(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' });
      expect(accepted.status).toBe(200);
      // the receipt's deemed-acceptance timer ends with the decision: one open execution per case
      const received = (resubmitted.body as { receivedAt: string }).receivedAt;
      const timers = new SFNClient({
        endpoint: local.platform.environment.AWS_ENDPOINT_URL_SFN,
        region: 'us-east-1',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      });
      const timerArn = `${local.platform.environment.ACCEPTANCE_TIMER_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${TENANT}-${caseId}-${Date.parse(received)}`;
      expect((await timers.send(new DescribeExecutionCommand({ executionArn: timerArn }))).status).toBe('ABORTED');

      const document = await archivedNotice(local, TENANT, caseId, accepted.body.notice.noticeNo);
      expect(document).toMatchObject({ title: '受理通知书（电子回执）', caseId, noticeNo: accepted.body.notice.noticeNo });
    });
  });

  describe('when the window accepts with a 容缺 material missing (容缺受理)', () => {
    it('then the case records the deferred material and its commitment, release stays blocked until it arrives, and it can still be uploaded', async () => {
      const { applicant, caseId } = await fileOnline(planningApplication('91522732MA6DLRQS4T'));
      const commitment = { statement: '本单位承诺在发证前补齐建设项目批准文件。', signedBy: '韦工', signedAt: '2026-11-23T02:00:00.000Z' };
      const notDeferrable = await window.post(`${B}/cases/${caseId}/acceptance`, {
        decision: 'accept',
        deferred: { materialIds: ['DESIGN_SCHEME'], commitment },
      });
      expect(notDeferrable).toMatchObject({ status: 400, body: { code: 'MATERIAL_NOT_DEFERRABLE' } });

      const accepted = await window.post(`${B}/cases/${caseId}/acceptance`, {
        decision: 'accept',
        deferred: { materialIds: ['PROJECT_APPROVAL'], commitment },
      });
      expect(accepted.status).toBe(200);
      type View = { deferredMaterials: { materialIds: string[]; commitment: { signedBy: string } }; release: { blocked: boolean; waitingFor: string[] } };
      const blocked = await applicant.get<View>(`${B}/cases/${caseId}`);
      expect(blocked.body).toMatchObject({
        deferredMaterials: { materialIds: ['PROJECT_APPROVAL'], commitment: { signedBy: '韦工' } },
        release: { blocked: true, waitingFor: ['PROJECT_APPROVAL'] },
      });

      const pdf = Buffer.from('%PDF-1.4\n% 建设项目批准文件\n%%EOF\n');
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const upload = await applicant.post<{ uploadId: string; uploadUrl: string; headers: Record<string, string> }>(
        `${B}/cases/${caseId}/materials/PROJECT_APPROVAL/uploads`,
        {
          fileName: '立项批复.pdf',
          contentType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256,
        },
      );
      expect(upload.status).toBe(201);
      expect((await fetch(upload.body.uploadUrl, { method: 'PUT', headers: upload.body.headers, body: pdf })).ok).toBe(true);
      expect((await applicant.post(`${B}/cases/${caseId}/materials/PROJECT_APPROVAL/uploads/${upload.body.uploadId}/complete`)).status).toBe(200);

      const released = await applicant.get<View>(`${B}/cases/${caseId}`);
      expect(released.body.release).toEqual({ blocked: false, waitingFor: [], status: 'not_due' });
      const otherMaterial = await applicant.post(`${B}/cases/${caseId}/materials/DESIGN_SCHEME/uploads`, {
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        sha256,
      });
      expect(otherMaterial).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });
    });
  });

  describe('when a window clerk takes a 即办件 (个体工商户设立登记)', () => {
    // settling on the spot, and refusing it for an item that is not one: test/use-cases/intake-acceptance.test.ts
    it('then window intake must name the window, the clerk of record is the signed-in 工号, and the completion is answered by the acceptance route', async () => {
      const application = {
        itemCode: 'SCZR-0001',
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
      const withoutWindow = await window.post(`${B}/workbench/cases`, application);
      expect(withoutWindow).toMatchObject({
        status: 400,
        body: { code: 'WINDOW_REQUIRED', details: [expect.objectContaining({ path: 'body.window.windowId' })] },
      });

      // a clerk or an actor typed into the body names nobody: the clerk of record is the token's 工号
      const { body } = await window.post<{ caseId: string; channel: string }>(`${B}/workbench/cases`, {
        ...application,
        window: { windowId: 'ZH-SCZR', clerk: '窗口02' },
      });
      expect(body.channel).toBe('window');
      const done = await window.post(`${B}/cases/${body.caseId}/acceptance`, { decision: 'complete', actor: '窗口02' });
      expect(done.status).toBe(200);
      const view = await window.get<{ timeline: { type: string; actor: string }[] }>(`${B}/workbench/cases/${body.caseId}`);
      expect(view.body.timeline.find((event) => event.type === 'CaseSubmitted')?.actor).toBe('CK-01');
      expect(JSON.stringify(view.body.timeline)).not.toContain('窗口02');
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

    // approval on commitment, revocation with a credit record, and the refusals: test/use-cases/intake-acceptance.test.ts
    it('then the approval and the post-verification are answered by their routes', async () => {
      const { caseId } = await fileOnline(hygieneApplication(true));
      const approved = await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' });
      expect(approved.status).toBe(200);

      // the check belongs to the item's lead department (卫健局): another department's handler is refused, 卫健局's
      // handler signed in does it and is the verifier of record (no verifier in the body)
      const otherDepartment = await staffApi(local, TENANT, 'GTJ-007');
      const notTheirs = await otherDepartment.post(`${B}/cases/${caseId}/post-verification`, { outcome: 'confirmed', note: '不是本部门的事项' });
      expect(notTheirs).toMatchObject({ status: 403, body: { code: 'OTHER_DEPARTMENT' } });
      const verifier = await staffApi(local, TENANT, 'WJJ-007');
      const revoked = await verifier.post(`${B}/cases/${caseId}/post-verification`, {
        outcome: 'false-commitment',
        note: '现场核查无消毒设施',
      });
      expect(revoked.status).toBe(200);
    });
  });

  describe('when a client retries one create in a storm with the same Idempotency-Key', () => {
    it('then every retry gets the first reply and exactly one case exists', async () => {
      const key = `storm-${Date.now()}`;
      const idNumber = '52273219800101001X';
      // the applicant's own retries: their real-name account's token goes with every one
      const signedIn = await asCitizen(local, enrolApplicant(local, anApplicant({ idNumber })));
      const applicant = apiClient(local.platform.url, signedIn);
      const send = () =>
        fetch(`${local.platform.url}${B}/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, ...signedIn },
          body: JSON.stringify({ ...planningApplication(), applicant: anApplicant({ idNumber }) }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { caseId: string } }));
      const replies = await Promise.all(Array.from({ length: 12 }, send));
      expect(new Set(replies.map((reply) => reply.status))).toEqual(new Set([201]));
      expect(new Set(replies.map((reply) => reply.body.caseId)).size).toBe(1);

      const mine = await applicant.get<{ cases: unknown[] }>(`${B}/my-cases`);
      expect(mine.body.cases).toHaveLength(1);

      const reused = await fetch(`${local.platform.url}${B}/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...signedIn },
        body: JSON.stringify({ ...planningApplication(), applicant: anApplicant({ idNumber, name: '另一个人' }) }),
      });
      expect(reused.status).toBe(400);
      expect(((await reused.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('when an applicant lists their cases', () => {
    it('then only cases under the ID of their signed-in account are shown, newest first, and another citizen sees none of them', async () => {
      const idNumber = '52273219851212002X';
      const first = await fileOnline({ ...planningApplication(), applicant: anApplicant({ idNumber }) });
      const second = await fileOnline({ ...planningApplication(), applicant: anApplicant({ idNumber }) });
      const mine = await first.applicant.get<{ cases: { caseId: string }[] }>(`${B}/my-cases`);
      expect(mine.body.cases.map((found) => found.caseId)).toEqual([second.caseId, first.caseId]);
      // the ID no longer comes with the request: another person's account (with the same contact phone) lists only its own
      const someoneElse = await applicantApi(local, anApplicant({ idNumber: '52273219851212003X' }));
      const theirs = await someoneElse.get<{ cases: { caseId: string }[] }>(`${B}/my-cases`);
      expect(theirs).toMatchObject({ status: 200, body: { cases: [] } });
    });
  });
});
