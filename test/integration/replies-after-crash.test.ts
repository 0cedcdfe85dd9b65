import { aPlanningApplication } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, applicantApi, archivedNotice, eventually, staffApi } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

/**
 * A retry gets the first call's outcome even when that call committed and then failed (issue 16), over HTTP on the
 * local platform: the window's acceptance is stored, then the notice archive (fauxqs, S3) stalls and the call answers
 * 503; the retry with the same Idempotency-Key answers 200 with the acceptance — not 409 for a case already accepted —
 * and finishes what the first call left (its notice, its workflow), with one acceptance on the timeline.
 */
describe('given the local platform with 三都县 and a filed application', () => {
  const local = aPlatformForThisFile();
  let window: ApiClient;
  let caseId: string;

  beforeAll(async () => {
    window = await staffApi(local, TENANT, 'CK-01');
    const applicant = await applicantApi(local, aPlanningApplication().applicant);
    const filed = await applicant.post<{ caseId: string }>(`${B}/cases`, aPlanningApplication());
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
  });

  describe('when the acceptance commits and the notice archive stalls before the call can answer', () => {
    it('then the call answers 503, and its retry with the same key answers 200 with the acceptance and finishes its notice and workflow', async () => {
      const fauxqs = local.platform.engines.find((engine) => engine.name.includes('fauxqs'));
      expect(fauxqs?.pid).toBeDefined();
      const key = { 'idempotency-key': `accept-${caseId}` };
      process.kill(fauxqs?.pid as number, 'SIGSTOP');
      let first;
      try {
        first = await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' }, key);
      } finally {
        process.kill(fauxqs?.pid as number, 'SIGCONT');
      }
      expect(first).toMatchObject({ status: 503, body: { code: 'DEPENDENCY_UNAVAILABLE' } });

      const retried = await window.post<{ status: string; notice: { kind: string; noticeNo: string } }>(
        `${B}/cases/${caseId}/acceptance`,
        { decision: 'accept' },
        key,
      );
      expect(retried).toMatchObject({ status: 200, body: { caseId, status: 'in_approval', notice: { kind: 'acceptance' } } });
      // the same request without the key is a new decision on an accepted case: the conflict the retry was spared
      expect((await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' })).status).toBe(409);

      const view = await eventually(async () => {
        const read = await window.get<{ status: string; timeline: { type: string }[] }>(`${B}/workbench/cases/${caseId}`);
        return read.body.timeline.some((entry) => entry.type === 'ApprovalStarted') ? read.body : undefined;
      });
      expect(view.timeline.filter((entry) => entry.type === 'CaseAccepted')).toHaveLength(1);
      expect(view.status).toBe('in_approval');
      expect(await archivedNotice(local, TENANT, caseId, retried.body.notice.noticeNo)).toMatchObject({ title: '受理通知书（电子回执）', caseId });
    }, 60_000);
  });
});
