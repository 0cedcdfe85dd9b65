import { anApplicant, aPlanningApplication, aPublishedItem } from '../support/fixtures';
import { aPlatformForThisFile, apiClient, applicantApi, asCitizen, staffApi } from './support/platform';

/**
 * Applicant binding on the running platform: a case belongs to the account that filed it, or to the real-name account
 * with the applicant's ID; nothing in a body proves who someone is; the receipt's query code shows progress to anyone
 * holding the receipt, without names.
 */
const B = '/v1/tenants/522732';
/** A real-name citizen of config/local/citizens.yaml. */
const PAN = { phone: '13800000001', applicant: anApplicant({ name: '潘阿妹', idNumber: '522732199001010002' }) };
const WEI = { phone: '13800000002', applicant: anApplicant({ name: '韦小明', idNumber: '522732198512150002' }) };

type CaseView = { caseId: string; status: string; applicant?: { name: string }; timeline: { type: string; actor: string }[] };

/** An item the guide marks as handled at a window only (the originals must be seen). */
const windowOnly = aPublishedItem({ code: 'TEST-WINDOW-ONLY', name: '户口迁移（窗口办理）', onlineAllowed: false });

describe('given citizens with real-name accounts, a self-registered one, and the window of 三都县', () => {
  const running = aPlatformForThisFile([windowOnly]);
  const as = async (phone: string) => apiClient(running.platform.url, await asCitizen(running, phone));
  const application = (applicant = PAN.applicant) => ({ ...aPlanningApplication(), applicant });

  describe('when a citizen files online', () => {
    it('then the case is theirs: they see it and list it, another citizen gets 404 as if it did not exist', async () => {
      const pan = await as(PAN.phone);
      const filed = await pan.post<{ caseId: string; channel: string; receipt: { caseId: string; queryCode: string } }>(`${B}/cases`, application());
      expect(filed).toMatchObject({ status: 201, body: { channel: 'online', receipt: { caseId: filed.body.caseId } } });
      expect(filed.body.receipt.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect((await pan.get<CaseView>(`${B}/cases/${filed.body.caseId}`)).status).toBe(200);
      const mine = await pan.get<{ cases: { caseId: string }[] }>(`${B}/my-cases`);
      expect(mine.body.cases.map((entry) => entry.caseId)).toContain(filed.body.caseId);

      const wei = await as(WEI.phone);
      expect(await wei.get(`${B}/cases/${filed.body.caseId}`)).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      expect(await wei.post(`${B}/cases/${filed.body.caseId}/resubmission`, { formData: {} })).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      expect((await wei.get<{ cases: { caseId: string }[] }>(`${B}/my-cases`)).body.cases.map((entry) => entry.caseId)).not.toContain(filed.body.caseId);
    });

    it("then it can only be in one's own name: another person's ID is refused, and a self-registered account must first be real-name", async () => {
      const pan = await as(PAN.phone);
      expect(await pan.post(`${B}/cases`, application(WEI.applicant))).toMatchObject({ status: 403, body: { code: 'APPLICANT_NOT_ACCOUNT_HOLDER' } });
      const selfRegistered = await as('13700000077');
      expect(await selfRegistered.post(`${B}/cases`, application(anApplicant({ idNumber: '52273219700101077X' })))).toMatchObject({
        status: 403,
        body: { code: 'REAL_NAME_REQUIRED' },
      });
      expect(await selfRegistered.get(`${B}/my-cases`)).toMatchObject({ status: 403, body: { code: 'REAL_NAME_REQUIRED' } });
    });

    it('then an item the guide marks window-only is refused online with 422, and the window files it', async () => {
      const filing = { itemCode: windowOnly.code, applicant: PAN.applicant, formData: { businessName: '潘记' } };
      expect(await (await as(PAN.phone)).post(`${B}/cases`, filing)).toMatchObject({ status: 422, body: { code: 'ONLINE_NOT_ALLOWED' } });
      const window = await staffApi(running, '522732', 'CK-01');
      expect((await window.post(`${B}/workbench/cases`, { ...filing, window: { windowId: 'ZH-GTGH' } })).status).toBe(201);
    });

    it('then nobody without a token files or looks: 401', async () => {
      const anonymous = apiClient(running.platform.url);
      expect(await anonymous.post(`${B}/cases`, application())).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect((await anonymous.get(`${B}/my-cases`)).status).toBe(401);
    });
  });

  describe('when a window clerk files for a walk-in applicant who signs in later', () => {
    it('then the case is linked to them by the ID digest of their account, and the clerk of record is the token’s 工号', async () => {
      const window = await staffApi(running, '522732', 'CK-01');
      const filed = await window.post<{ caseId: string; channel: string }>(`${B}/workbench/cases`, {
        ...application(WEI.applicant),
        window: { windowId: 'ZH-GTGH' },
        // nothing in a body names the actor: a typed clerk is ignored
        clerk: '窗口99-张三',
      });
      expect(filed).toMatchObject({ status: 201, body: { channel: 'window' } });
      const staffView = await window.get<CaseView>(`${B}/workbench/cases/${filed.body.caseId}`);
      expect(staffView.body.timeline.find((event) => event.type === 'CaseSubmitted')?.actor).toBe('CK-01');

      const wei = await as(WEI.phone);
      expect((await wei.get<{ cases: { caseId: string }[] }>(`${B}/my-cases`)).body.cases.map((entry) => entry.caseId)).toContain(filed.body.caseId);
      expect(await wei.get<CaseView>(`${B}/cases/${filed.body.caseId}`)).toMatchObject({ status: 200, body: { caseId: filed.body.caseId } });
      expect((await (await as(PAN.phone)).get(`${B}/cases/${filed.body.caseId}`)).status).toBe(404);
    });

    it('then a window filing needs the window desk, and only the window role files there', async () => {
      const window = await staffApi(running, '522732', 'CK-01');
      expect(await window.post(`${B}/workbench/cases`, application(WEI.applicant))).toMatchObject({ status: 400, body: { code: 'WINDOW_REQUIRED' } });
      expect(await window.post(`${B}/workbench/cases`, { ...application(WEI.applicant), window: { windowId: 'NOPE-1' } })).toMatchObject({
        status: 400,
        body: { code: 'UNKNOWN_WINDOW' },
      });
      const handler = await staffApi(running, '522732', 'GTJ-007');
      expect(await handler.post(`${B}/workbench/cases`, { ...application(WEI.applicant), window: { windowId: 'ZH-GTGH' } })).toMatchObject({
        status: 403,
        body: { code: 'ROLE_NOT_ALLOWED' },
      });
    });

    it('then the acceptance is recorded under the clerk’s 工号 whatever actor the body names', async () => {
      const wei = await applicantApi(running, WEI.applicant);
      const filed = await wei.post<{ caseId: string }>(`${B}/cases`, application(WEI.applicant));
      const window = await staffApi(running, '522732', 'CK-02');
      expect(
        (await window.post(`${B}/cases/${filed.body.caseId}/acceptance`, { decision: 'reject', reason: '不属于本机关职权', actor: '窗口99-张三' })).status,
      ).toBe(200);
      const view = await window.get<CaseView>(`${B}/workbench/cases/${filed.body.caseId}`);
      expect(view.body.timeline.find((event) => event.type === 'CaseRejected')?.actor).toBe('CK-02');
    });
  });

  describe('when someone holding the receipt looks up the progress without signing in', () => {
    it('then the case number and query code show status and dates only; a wrong code answers like an unknown case', async () => {
      const pan = await as(PAN.phone);
      const filed = await pan.post<{ caseId: string; receipt: { queryCode: string } }>(`${B}/cases`, application());
      const anonymous = apiClient(running.platform.url);
      const progress = await anonymous.post<Record<string, unknown>>(`${B}/case-progress`, {
        caseId: filed.body.caseId,
        queryCode: filed.body.receipt.queryCode.toLowerCase(),
      });
      expect(progress).toMatchObject({
        status: 200,
        body: { caseId: filed.body.caseId, status: 'submitted', statusLabel: expect.any(String), submittedAt: expect.any(String) },
      });
      expect(JSON.stringify(progress.body)).not.toMatch(/潘阿妹|522732199001010002|13800000000|applicant|clerk/);
      const wrong = filed.body.receipt.queryCode.startsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA';
      expect(await anonymous.post(`${B}/case-progress`, { caseId: filed.body.caseId, queryCode: wrong })).toMatchObject({
        status: 404,
        body: { code: 'CASE_NOT_FOUND' },
      });
      expect(await anonymous.post(`${B}/case-progress`, { caseId: filed.body.caseId, queryCode: '12' })).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
    });
  });

  describe('when two callers send the same Idempotency-Key', () => {
    it('then the second caller does not receive the first caller’s stored reply', async () => {
      const key = 'shared-key-0001';
      const send = async (phone: string, applicant = PAN.applicant) =>
        fetch(`${running.platform.url}${B}/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(await asCitizen(running, phone)) },
          body: JSON.stringify(application(applicant)),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { caseId?: string; code?: string } }));
      const first = await send(PAN.phone);
      expect(first.status).toBe(201);
      expect((await send(PAN.phone)).body.caseId).toBe(first.body.caseId);
      // the same key and body from another account is that account's own request: refused as not theirs, never the stored case
      expect(await send(WEI.phone)).toMatchObject({ status: 403, body: { code: 'APPLICANT_NOT_ACCOUNT_HOLDER' } });
    });
  });
});
