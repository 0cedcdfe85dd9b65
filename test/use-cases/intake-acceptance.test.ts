import {
  acceptanceBody,
  createCase,
  createCaseBody,
  decideAcceptance,
  getCaseView,
  postVerificationBody,
  resubmissionBody,
  resubmitCase,
  verifyCommitment,
} from '../../functions/intake/use-cases';
import { nationalIdDigest } from '../../functions/kernel/applicant';
import { anInMemoryPlatform } from '../support/fakes';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { citizenContext, staffContext } from '../support/request-context';
import { refusalOf } from './support/replies';

/*
 * Acceptance review (受理审查) in 三都县 as the use cases decide it, on the shared in-memory ports: the
 * one-time notice, resubmission, acceptance that routes the case and starts its workflow, a 即办件 settled
 * on the spot, and 告知承诺 with its post-verification. The notices' archive in S3, 容缺 uploads through
 * presigned URLs, Idempotency-Key storms and the request parsing of the routes stay in
 * test/integration/intake.test.ts, where they run against the engines.
 */

const TENANT = '522732';

describe('given 三都县 on the in-memory ports', () => {
  const platform = anInMemoryPlatform();
  const { intake } = platform.deps;
  const windowClerk = staffContext(TENANT, { staffId: 'CK-02', role: 'window' });

  /** Files the application online, signed in with the applicant's real-name account (an organisation's carries its credit code). */
  async function filed(application: ReturnType<typeof aPlanningApplication> | Record<string, unknown>) {
    const body = createCaseBody.parse(application);
    const ctx = citizenContext(TENANT, `sub-${body.applicant.idNumber}`, undefined, {
      subjectType: body.applicant.kind === 'organisation' ? 'organisation' : 'person',
      trustLevel: 'L3',
      idDigest: nationalIdDigest(body.applicant.idType, body.applicant.idNumber),
    });
    return { created: await createCase(intake, ctx, body), applicant: ctx };
  }

  beforeAll(async () => {
    await platform.onboard();
  });

  describe('when the window decides a receipt (a one-time notice, then the acceptance of the resubmission)', () => {
    it('then each receipt’s deemed-acceptance timer is stopped once decided: the case never holds more than one open timer', async () => {
      const { created, applicant } = await filed(aPlanningApplication('91522732MA6DLTIM1Q'));
      const caseId = created.caseId;
      expect(platform.acceptanceTimer.runningTimersOf(TENANT, caseId)).toHaveLength(1);
      await decideAcceptance(
        intake,
        windowClerk,
        caseId,
        acceptanceBody.parse({ decision: 'supplement', items: [{ materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' }] }),
      );
      expect(platform.acceptanceTimer.runningTimersOf(TENANT, caseId)).toHaveLength(0);
      await resubmitCase(intake, applicant, caseId, resubmissionBody.parse({}));
      expect(platform.acceptanceTimer.runningTimersOf(TENANT, caseId)).toHaveLength(1);
      await decideAcceptance(intake, windowClerk, caseId, acceptanceBody.parse({ decision: 'accept' }));
      expect(platform.acceptanceTimer.timersOf(TENANT, caseId)).toHaveLength(2);
      expect(platform.acceptanceTimer.runningTimersOf(TENANT, caseId)).toHaveLength(0);
    });
  });

  describe('when the window finds materials missing (一次性告知), the applicant supplements, and the window accepts', () => {
    it('then one notice lists everything, a second is refused, and acceptance issues a receipt to the archive', async () => {
      const { created, applicant } = await filed(aPlanningApplication());
      const caseId = created.caseId;
      const supplement = await decideAcceptance(
        intake,
        windowClerk,
        caseId,
        acceptanceBody.parse({
          decision: 'supplement',
          items: [
            { materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' },
            { materialId: 'CIVIL_AIR_DEFENCE_DESIGN', reason: '未提供防空地下室设计文件' },
          ],
        }),
      );
      expect(supplement).toMatchObject({ status: 'supplement_requested', notice: { kind: 'supplement' } });
      expect(supplement.notice?.items).toHaveLength(2);

      const acceptWhileWaiting = await refusalOf(decideAcceptance(intake, windowClerk, caseId, acceptanceBody.parse({ decision: 'accept' })));
      expect(acceptWhileWaiting).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });

      const resubmitted = await resubmitCase(intake, applicant, caseId, resubmissionBody.parse({ formData: { totalFloorAreaSquareMetres: 12900 } }));
      expect(resubmitted).toMatchObject({ status: 'submitted' });

      const secondNotice = await refusalOf(
        decideAcceptance(intake, windowClerk, caseId, acceptanceBody.parse({ decision: 'supplement', items: [{ materialId: 'LAND_TITLE', reason: '补充' }] })),
      );
      expect(secondNotice).toMatchObject({ status: 409, body: { code: 'SUPPLEMENT_ALREADY_NOTIFIED' } });

      const accepted = await decideAcceptance(intake, windowClerk, caseId, acceptanceBody.parse({ decision: 'accept' }));
      expect(accepted).toMatchObject({ status: 'in_approval', notice: { kind: 'acceptance' } });

      const view = await getCaseView(intake, windowClerk, caseId);
      expect(view.materials.map((material) => material.materialId)).toContain('DESIGN_SCHEME');
      expect(view.materials.every((material) => material.status === 'missing')).toBe(true);
      expect(JSON.stringify(view.missingMaterials)).toContain('PROJECT_APPROVAL');
      expect(view.notices.map((notice) => notice.kind)).toEqual(['supplement', 'acceptance']);
      expect((view.receivedAt as string) > view.createdAt).toBe(true);
      expect(view.timeline.map((event) => event.type)).toEqual(expect.arrayContaining(['SupplementRequested', 'CaseResubmitted', 'CaseAccepted']));

      // the receipt as the archive port was given it (its S3 round trip is in the integration layer)
      const noticeNo = accepted.notice?.noticeNo as string;
      expect(platform.notices.documents.get(`notices/${TENANT}/${caseId}/${noticeNo}.json`)).toMatchObject({
        title: '受理通知书（电子回执）',
        caseId,
        noticeNo,
      });
      // and the accepted case's approval was started once, with its departments
      expect(platform.workflow.executionOf(TENANT, caseId)?.tasks.length).toBeGreaterThan(0);
    });
  });

  describe('when a window clerk takes a 即办件 (个体工商户设立登记)', () => {
    it('then it is completed on the spot with its result, and an item that is not one cannot be', async () => {
      const application = {
        itemCode: 'SCZR-0001',
        window: { windowId: 'ZH-SCZR' },
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
      const atWindow = await createCase(intake, windowClerk, createCaseBody.parse(application));
      const done = await decideAcceptance(intake, windowClerk, atWindow.caseId, acceptanceBody.parse({ decision: 'complete' }));
      expect(done).toMatchObject({ status: 'completed', result: '营业执照' });

      const planning = await filed(aPlanningApplication('91522732MA6DLYYY2R'));
      const notImmediate = await refusalOf(decideAcceptance(intake, windowClerk, planning.created.caseId, acceptanceBody.parse({ decision: 'complete' })));
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
    // the health bureau (卫健局, WJJ) verifies what its item approved on commitment
    const verifier = staffContext(TENANT, { staffId: 'WJJ-HC-01', role: 'handler', deptId: 'WJJ' });

    it('then it is approved at once with a post-verification due, and a false commitment revokes it with a credit record', async () => {
      const { created } = await filed(hygieneApplication(true));
      const approved = await decideAcceptance(intake, windowClerk, created.caseId, acceptanceBody.parse({ decision: 'accept' }));
      expect(approved).toMatchObject({ status: 'completed', postVerification: { status: 'pending' } });

      const revoked = await verifyCommitment(
        intake,
        verifier,
        created.caseId,
        postVerificationBody.parse({ outcome: 'false-commitment', note: '现场核查无消毒设施' }),
      );
      expect(revoked).toMatchObject({ status: 'revoked', creditRecord: { reason: '现场核查无消毒设施' } });
      const again = await refusalOf(verifyCommitment(intake, verifier, created.caseId, postVerificationBody.parse({ outcome: 'confirmed', note: 'y' })));
      expect(again).toMatchObject({ status: 409, body: { code: 'NO_PENDING_VERIFICATION' } });
      const view = await getCaseView(intake, windowClerk, created.caseId);
      expect(view.timeline.map((event: { type: string }) => event.type)).toContain('ApprovalRevoked');
    });

    it('then an item that does not allow commitments refuses one', async () => {
      const refused = await refusalOf(
        filed({
          ...aPlanningApplication(),
          commitment: { statement: '我承诺所有材料真实有效，无需核验。', signedBy: '某人', signedAt: '2026-11-23T02:00:00.000Z' },
        }),
      );
      expect(refused).toMatchObject({ status: 400, body: { code: 'COMMITMENT_NOT_ALLOWED' } });
    });
  });

  describe('when two clerks decide the same application at once (不予受理 and 退件)', () => {
    it('then one decision wins, and only its notice is archived: the loser leaves no document behind', async () => {
      const { created } = await filed(aPlanningApplication());
      const caseId = created.caseId;
      const outcomes = await Promise.allSettled(
        (['reject', 'return'] as const).map((decision) =>
          decideAcceptance(intake, windowClerk, caseId, acceptanceBody.parse({ decision, reason: '材料不符合法定形式' })),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { code: 'CONCURRENT_UPDATE' } });
      const archived = [...platform.notices.documents.keys()].filter((key) => key.startsWith(`notices/${TENANT}/${caseId}/`));
      const view = await getCaseView(intake, windowClerk, caseId);
      expect(archived).toEqual(view.notices.map((notice) => `notices/${TENANT}/${caseId}/${notice.noticeNo}.json`));
      expect(archived).toHaveLength(1);
    });
  });
});
