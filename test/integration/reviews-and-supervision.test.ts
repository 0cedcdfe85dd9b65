import { shanghaiDate } from '../../functions/domain/calendar';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { aPlatformForThisFile, asStaff, eventually } from './support/platform';

const TENANT = '522732';
/** A 承诺件 approved in parallel by SCJGJ (lead) and SWJ. */
const promisedItem = aPublishedItem({ tenantId: TENANT });
const B = `/v1/tenants/${TENANT}`;
const supervisor = { 'x-staff-id': 'JC-001', 'x-staff-role': 'supervisor' };
const sjjHandler = { 'x-staff-id': 'SJJ-007', 'x-staff-role': 'handler', 'x-staff-dept': 'SJJ' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON, checked by what reads them
type Reply<T = Record<string, any>> = { status: number; body: T };

describe('given the local platform with the sample counties', () => {
  const running = aPlatformForThisFile([promisedItem]);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON, checked by the assertions
  const send = async <T = Record<string, any>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> => {
    const response = await fetch(`${running.platform.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** A 即办件 (个体工商户设立登记) filed at a window and completed on the spot: accepted and completed at once. */
  const aCompletedCase = async (idNumber: string) => {
    const applicant = anApplicant({ idNumber });
    const created = await send<{ caseId: string }>('POST', `${B}/cases`, {
      itemCode: 'SCZR-0001',
      channel: 'window',
      window: { windowId: 'ZH-SCZR', clerk: '窗口02' },
      applicant,
      formData: {
        operatorName: applicant.name,
        operatorIdNumber: idNumber,
        phone: applicant.phone,
        organizationForm: '个人经营',
        businessScope: '米粉',
        businessAddress: '三合街道',
        capitalTenThousandYuan: 5,
      },
    });
    expect(created.status).toBe(201);
    expect((await send('POST', `${B}/cases/${created.body.caseId}/acceptance`, { decision: 'complete', actor: '窗口02' })).status).toBe(200);
    return { caseId: created.body.caseId, proof: { idType: applicant.idType, idNumber, phone: applicant.phone } };
  };

  const aReview = (proof: object, level = '满意', touchpoint = 'completion') => ({
    touchpoint,
    level,
    channel: 'hall_device',
    tags: ['效率'],
    comment: '办得快',
    applicant: proof,
  });

  describe('when the applicant rates a completed case', () => {
    it('then the review is stored once, linked to item, department and window; a second rating is 409', async () => {
      const { caseId, proof } = await aCompletedCase('522732199001011001');

      const first = await send('POST', `${B}/cases/${caseId}/reviews`, aReview(proof, '非常满意'));
      expect(first).toMatchObject({ status: 201, body: { level: '非常满意', links: { itemCode: 'SCZR-0001', departments: ['SJJ'], windowId: 'ZH-SCZR' } } });
      expect(first.body.rectification).toBeUndefined();

      const second = await send('POST', `${B}/cases/${caseId}/reviews`, aReview(proof, '不满意'));
      expect(second).toMatchObject({ status: 409, body: { code: 'ALREADY_REVIEWED' } });

      const listed = await send<{ reviews: { level: string; comment?: string }[] }>('GET', `${B}/cases/${caseId}/reviews`);
      expect(listed.body.reviews).toEqual([expect.objectContaining({ level: '非常满意', touchpoint: 'completion' })]);
      expect(listed.body.reviews[0]?.comment).toBeUndefined();
      expect(JSON.stringify(listed.body)).not.toContain('窗口02');
      const asSupervisor = await send<{ reviews: { comment?: string; links: { clerk?: string } }[] }>(
        'GET',
        `${B}/cases/${caseId}/reviews`,
        undefined,
        supervisor,
      );
      expect(asSupervisor.body.reviews[0]).toMatchObject({ comment: '办得快', links: { clerk: '窗口02' } });
    });

    it('then two racing first ratings of the same touchpoint store exactly one', async () => {
      const { caseId, proof } = await aCompletedCase('522732199001011002');
      const replies = await Promise.all([1, 2, 3].map(() => send('POST', `${B}/cases/${caseId}/reviews`, aReview(proof))));
      expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409]);
    });

    it('then staff cannot rate for the applicant, a wrong proof is refused, and an unreached or closed touchpoint is refused', async () => {
      const { caseId, proof } = await aCompletedCase('522732199001011003');
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview(proof), { 'x-staff-id': 'CK-02', 'x-staff-role': 'window' })).toMatchObject({
        status: 403,
        body: { code: 'STAFF_CANNOT_REVIEW' },
      });
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview({ ...proof, idNumber: '52273219900101999X' }))).toMatchObject({
        status: 403,
        body: { code: 'APPLICANT_NOT_PROVEN' },
      });
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview(proof, '满意', 'refusal'))).toMatchObject({
        status: 422,
        body: { code: 'TOUCHPOINT_NOT_OPEN' },
      });

      const filed = await send<{ caseId: string }>('POST', `${B}/cases`, {
        itemCode: 'SCZR-0001',
        applicant: anApplicant({ idNumber: '522732199001011004' }),
        formData: {
          operatorName: '韦小宝',
          operatorIdNumber: '522732199001011004',
          phone: '13800000000',
          organizationForm: '个人经营',
          businessScope: '米粉',
          businessAddress: '三合街道',
          capitalTenThousandYuan: 5,
        },
      });
      const notYet = await send(
        'POST',
        `${B}/cases/${filed.body.caseId}/reviews`,
        aReview({ idType: '居民身份证', idNumber: '522732199001011004', phone: '13800000000' }),
      );
      expect(notYet).toMatchObject({ status: 409, body: { code: 'TOUCHPOINT_NOT_REACHED' } });
    });
  });

  describe('when a bad review is given', () => {
    it('then a rectification entry opens for the department and walks verification, rectification, call-back and closure in order', async () => {
      const { caseId, proof } = await aCompletedCase('522732199001011005');
      const review = await send('POST', `${B}/cases/${caseId}/reviews`, aReview(proof, '非常不满意'));
      expect(review).toMatchObject({ status: 201, body: { rectification: { ownerDeptId: 'SJJ', deadline: expect.stringMatching(/T23:59:59\+08:00$/) } } });
      const id = review.body.rectification.rectificationId as string;
      const steps = `${B}/rectifications/${id}/steps`;

      expect(await send('GET', `${B}/rectifications?status=open`)).toMatchObject({ status: 403, body: { code: 'STAFF_ONLY' } });
      const ledger = await send<{ rectifications: { rectificationId: string; light: string }[] }>(
        'GET',
        `${B}/rectifications?status=open&deptId=SJJ`,
        undefined,
        supervisor,
      );
      expect(ledger.body.rectifications).toContainEqual(expect.objectContaining({ rectificationId: id, light: expect.stringMatching(/^(green|yellow)$/) }));
      const red = await send<{ rectifications: { rectificationId: string }[] }>('GET', `${B}/rectifications?light=red`, undefined, supervisor);
      expect(red.body.rectifications.map((entry) => entry.rectificationId)).not.toContain(id);
      const otherDepartment = await send<{ rectifications: unknown[] }>('GET', `${B}/rectifications`, undefined, {
        'x-staff-id': 'GTJ-1',
        'x-staff-role': 'handler',
        'x-staff-dept': 'GTJ',
      });
      expect(otherDepartment.body.rectifications).toEqual([]);

      expect(await send('POST', steps, { step: 'rectify', note: '先整改' }, sjjHandler)).toMatchObject({
        status: 409,
        body: { code: 'RECTIFICATION_STEP_OUT_OF_ORDER' },
      });
      expect(
        await send('POST', steps, { step: 'verify', note: '核实' }, { 'x-staff-id': 'GTJ-1', 'x-staff-role': 'handler', 'x-staff-dept': 'GTJ' }),
      ).toMatchObject({
        status: 403,
        body: { code: 'NOT_OWNER_DEPARTMENT' },
      });
      expect(await send('POST', steps, { step: 'verify', note: '经核实，窗口等候时间过长' }, sjjHandler)).toMatchObject({
        status: 200,
        body: { status: 'verified' },
      });
      expect(await send('POST', steps, { step: 'rectify', note: '增设综合窗口一个' }, sjjHandler)).toMatchObject({
        status: 200,
        body: { status: 'rectified' },
      });
      expect(await send('POST', steps, { step: 'call_back', note: '电话回访' }, sjjHandler)).toMatchObject({ status: 400 });
      expect(await send('POST', steps, { step: 'call_back', note: '电话回访', satisfaction: '满意' }, sjjHandler)).toMatchObject({
        status: 200,
        body: { status: 'called_back', callBackSatisfaction: '满意' },
      });
      const closed = await send('POST', steps, { step: 'close', note: '销号' }, supervisor);
      expect(closed).toMatchObject({
        status: 200,
        body: { status: 'closed', light: 'green', steps: [{ step: 'verify' }, { step: 'rectify' }, { step: 'call_back' }, { step: 'close' }] },
      });
      expect(await send('POST', steps, { step: 'close', note: '再次销号' }, supervisor)).toMatchObject({
        status: 409,
        body: { code: 'RECTIFICATION_STEP_OUT_OF_ORDER' },
      });

      const audit = await eventually(async () => {
        const reply = await send<{ records: { action: string; before?: string; after?: string; who: string }[] }>(
          'GET',
          `${B}/audit?caseId=${caseId}`,
          undefined,
          supervisor,
        );
        return reply.body.records.some((record) => record.action === 'RectificationClosed') ? reply.body.records : undefined;
      });
      expect(audit.map((record) => record.action)).toEqual(
        expect.arrayContaining([
          'CaseSubmitted',
          'CaseAccepted',
          'CaseCompleted',
          'ReviewSubmitted',
          'RectificationOpened',
          'RectificationStepRecorded',
          'RectificationClosed',
        ]),
      );
      expect(audit).toContainEqual(expect.objectContaining({ action: 'RectificationStepRecorded', who: 'SJJ-007', before: 'open', after: 'verified' }));
      expect(JSON.stringify(audit)).not.toContain('522732199001011005');
      expect((await send('GET', `${B}/audit?caseId=${caseId}`)).status).toBe(403);
      const byHandler = await send<{ records: { who: string }[] }>('GET', `${B}/audit?staffId=SJJ-007`, undefined, supervisor);
      expect(byHandler.body.records.length).toBeGreaterThanOrEqual(3);
    });

    it('then a complaint also opens an entry, which can be closed as cannot-be-fixed with an explanation', async () => {
      const complaint = await send('POST', `${B}/complaints`, {
        deptId: 'SJJ',
        channel: 'hotline',
        content: '窗口午休时间不办理业务',
        contact: { name: '韦先生', phone: '13900000000' },
      });
      expect(complaint).toMatchObject({ status: 201, body: { ownerDeptId: 'SJJ', status: 'open' } });
      const steps = `${B}/rectifications/${complaint.body.rectificationId}/steps`;
      await send('POST', steps, { step: 'verify', note: '属实' }, sjjHandler);
      expect(await send('POST', steps, { step: 'close_unfixable', note: '无法整改' }, sjjHandler)).toMatchObject({ status: 400 });
      const closed = await send('POST', steps, { step: 'close_unfixable', note: '无法整改', explanation: '午休轮岗需增编，已报县编办' }, sjjHandler);
      expect(closed).toMatchObject({ status: 200, body: { status: 'closed_unfixable', explanation: '午休轮岗需增编，已报县编办' } });
      expect(JSON.stringify(closed.body)).not.toContain('13900000000');
    });
  });

  describe('when named handlers approve a 承诺件 and the applicant rates it', () => {
    it('then the review links the handlers, and each handler monthly figures count the decision and the review', async () => {
      const applicant = anApplicant({ idNumber: '522732199001011010' });
      const created = await send<{ caseId: string }>('POST', `${B}/cases`, {
        itemCode: promisedItem.code,
        applicant,
        formData: { businessName: '三都韦记米粉店' },
      });
      const { caseId } = created.body;
      await send('POST', `${B}/cases/${caseId}/acceptance`, { decision: 'accept' });
      for (const deptId of ['SCJGJ', 'SWJ']) {
        const task = await eventually(async () => {
          const list = await send<{ tasks: { taskId: string; caseId: string; status: string }[] }>(
            'GET',
            `${B}/departments/${deptId}/tasks`,
            undefined,
            asStaff(`${deptId}-007`, 'handler', deptId),
          );
          return list.body.tasks.find((candidate) => candidate.caseId === caseId && candidate.status === 'pending');
        });
        expect((await send('POST', `${B}/tasks/${task.taskId}/decision`, { decision: 'approve' }, asStaff(`${deptId}-007`, 'handler', deptId))).status).toBe(
          200,
        );
      }
      await eventually(async () => ((await send('GET', `${B}/cases/${caseId}`)).body.status === 'completed' ? true : undefined));

      const review = await send(
        'POST',
        `${B}/cases/${caseId}/reviews`,
        aReview({ idType: applicant.idType, idNumber: applicant.idNumber, phone: applicant.phone }, '满意'),
      );
      expect(review).toMatchObject({
        status: 201,
        body: { links: { itemCode: promisedItem.code, departments: ['SCJGJ', 'SWJ'], handlers: ['SCJGJ-007', 'SWJ-007'] } },
      });

      const month = shanghaiDate(new Date().toISOString()).slice(0, 7);
      const figures = await eventually(async () => {
        const reply = await send('GET', `${B}/staff/SCJGJ-007/monthly?month=${month}`, undefined, asStaff('SCJGJ-007', 'handler', 'SCJGJ'));
        return reply.body.casesHandled === 1 && reply.body.reviews === 1 ? reply.body : undefined;
      });
      expect(figures).toMatchObject({ onTime: 1, onTimeRate: 1, distribution: { 满意: 1 }, satisfactionRate: 1 });
      expect((await send('GET', `${B}/staff/SCJGJ-007/monthly?month=${month}`, undefined, asStaff('SWJ-007', 'handler', 'SWJ'))).status).toBe(403);
    });
  });

  describe('when the county configuration was applied (by "test", as the test platform onboards it)', () => {
    it('then each published item version and the profile are in the audit trail with before and after', async () => {
      const reply = await send<{
        records: { action: string; who: string; role: string; before?: unknown; after?: unknown; detail: Record<string, unknown> }[];
      }>('GET', `${B}/audit?staffId=test&limit=500`, undefined, supervisor);
      expect(reply.body.records).toContainEqual(
        expect.objectContaining({
          action: 'ItemVersionPublished',
          who: 'test',
          role: 'admin',
          before: null,
          after: 1,
          detail: expect.objectContaining({ itemCode: 'SCZR-0001' }),
        }),
      );
      expect(reply.body.records).toContainEqual(
        expect.objectContaining({
          action: 'TenantProfileApplied',
          before: null,
          after: expect.objectContaining({ reviews: { rectificationDays: 10, touchpoints: ['acceptance', 'completion'] } }),
        }),
      );
    });
  });

  describe('when the supervision office opens the dashboard after this activity', () => {
    it('then the county, city and province figures count the completed cases, reviews and rectifications', async () => {
      const dashboard = await eventually(async () => {
        const reply = await send('GET', `${B}/supervision/dashboard?window=day`, undefined, supervisor);
        return reply.body.rectifications?.closed >= 2 && reply.body.satisfaction?.reviews >= 4 ? reply.body : undefined;
      });
      expect(dashboard).toMatchObject({
        scope: { level: 'county', divisionCode: TENANT },
        cases: { finished: 5, onTime: 5, onTimeRate: 1 },
        satisfaction: { reviews: 4, distribution: { 非常满意: 1, 满意: 2, 基本满意: 0, 不满意: 0, 非常不满意: 1 }, satisfactionRate: 0.75 },
        rectifications: { opened: 2, complaints: 1, closed: 2, unfixable: 1, open: 0 },
      });
      expect(dashboard.items).toContainEqual(expect.objectContaining({ itemCode: 'SCZR-0001', finished: 4 }));
      expect(dashboard.items).toContainEqual(expect.objectContaining({ itemCode: promisedItem.code, finished: 1, onTime: 1, averagePromisedWorkingDays: 5 }));
      expect(dashboard.departments).toContainEqual(expect.objectContaining({ deptId: 'SJJ', satisfaction: expect.objectContaining({ reviews: 3 }) }));
      expect(dashboard.departments).toContainEqual(expect.objectContaining({ deptId: 'SCJGJ', tasksDecided: 1, tasksOnTime: 1, onTimeRate: 1 }));

      const city = await send('GET', `${B}/supervision/dashboard?window=month&level=city`, undefined, supervisor);
      expect(city.body).toMatchObject({ scope: { level: 'city', divisionCode: '522700' }, cases: { finished: 5 }, satisfaction: { reviews: 4 } });
      expect(city.body.departments).toEqual([]);
      expect((await send('GET', `${B}/supervision/dashboard`, undefined, sjjHandler)).status).toBe(403);
    });
  });
});
