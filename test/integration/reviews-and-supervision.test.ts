import { shanghaiDate } from '../../functions/domain/calendar';
import { submitReview } from '../../functions/reviews/use-cases';
import type { DomainError } from '../../functions/shared/errors';
import { errorReply } from '../../functions/shared/http';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { staffContext } from '../support/request-context';
import { aPlatformForThisFile, apiClient, applicantApi, asStaffMember, eventually } from './support/platform';

const TENANT = '522732';
/** A 承诺件 approved in parallel by SCJGJ (lead) and SWJ. */
const promisedItem = aPublishedItem({ tenantId: TENANT });
const B = `/v1/tenants/${TENANT}`;
/** The handlers of the test item's two departments, besides the accounts of config/local/staff.yaml. */
const departmentHandlers = [
  { tenantId: TENANT, staffId: 'SCJGJ-007', name: '韦市监', role: 'handler', deptId: 'SCJGJ', phone: '13985270081' },
  { tenantId: TENANT, staffId: 'SWJ-007', name: '蒙税务', role: 'handler', deptId: 'SWJ', phone: '13985270082' },
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON, checked by what reads them
type Reply<T = Record<string, any>> = { status: number; body: T };
/** Who calls: nobody, a citizen's real-name account (by the applicant's ID), or a member of staff (county and 工号). */
type Caller = { readonly applicant: ReturnType<typeof anApplicant> } | { readonly staffId: string };

describe('given the local platform with the sample counties', () => {
  const running = aPlatformForThisFile([promisedItem], { staff: departmentHandlers });
  /** The window clerk on duty, the 市监局 handler and head, a 国土局 handler, and the county's supervisor (config/local/staff.yaml). */
  const clerk: Caller = { staffId: 'CK-02' };
  const sjjHandler: Caller = { staffId: 'SJJ-007' };
  const sjjHead: Caller = { staffId: 'SJJ-001' };
  const gtjHandler: Caller = { staffId: 'GTJ-007' };
  const supervisor: Caller = { staffId: 'JC-001' };
  const asApplicant = (idNumber: string): Caller => ({ applicant: anApplicant({ idNumber }) });

  /** A call through the HTTP API with the caller's ID token (signed in through the local providers), or none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON, checked by the assertions
  const send = async <T = Record<string, any>>(method: string, path: string, body?: unknown, caller?: Caller): Promise<Reply<T>> => {
    const client = !caller
      ? running.api
      : 'applicant' in caller
        ? await applicantApi(running, caller.applicant)
        : apiClient(running.platform.url, await asStaffMember(running, TENANT, caller.staffId));
    return method === 'GET' ? client.get<T>(path) : client.post<T>(path, body);
  };

  /** A 即办件 (个体工商户设立登记) taken at a window by the clerk and completed on the spot: accepted and completed at once. */
  const aCompletedCase = async (idNumber: string) => {
    const applicant = anApplicant({ idNumber });
    const created = await send<{ caseId: string }>(
      'POST',
      `${B}/workbench/cases`,
      {
        itemCode: 'SCZR-0001',
        window: { windowId: 'ZH-SCZR' },
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
      },
      clerk,
    );
    expect(created.status).toBe(201);
    expect((await send('POST', `${B}/cases/${created.body.caseId}/acceptance`, { decision: 'complete' }, clerk)).status).toBe(200);
    return { caseId: created.body.caseId, applicant: asApplicant(idNumber) };
  };

  const aReview = (level = '满意', touchpoint = 'completion') => ({
    touchpoint,
    level,
    channel: 'hall_device',
    tags: ['效率'],
    comment: '办得快',
  });

  describe('when the applicant rates a completed case', () => {
    it('then the review is stored once, linked to item, department, window and clerk; a second rating is 409', async () => {
      const { caseId, applicant } = await aCompletedCase('522732199001011001');

      const first = await send('POST', `${B}/cases/${caseId}/reviews`, aReview('非常满意'), applicant);
      expect(first).toMatchObject({
        status: 201,
        body: { level: '非常满意', links: { itemCode: 'SCZR-0001', departments: ['SJJ'], windowId: 'ZH-SCZR', clerk: 'CK-02' } },
      });
      expect(first.body.rectification).toBeUndefined();

      const second = await send('POST', `${B}/cases/${caseId}/reviews`, aReview('不满意'), applicant);
      expect(second).toMatchObject({ status: 409, body: { code: 'ALREADY_REVIEWED' } });

      // the applicant reads their own ratings with their comments, never the names of staff
      const listed = await send<{ reviews: { level: string; comment?: string }[] }>('GET', `${B}/cases/${caseId}/reviews`, undefined, applicant);
      expect(listed.body.reviews).toEqual([expect.objectContaining({ level: '非常满意', touchpoint: 'completion', comment: '办得快' })]);
      expect(JSON.stringify(listed.body)).not.toContain('CK-02');
      // the list is the applicant's: a supervisor's token is not one the route takes, another citizen sees no case
      expect(await send('GET', `${B}/cases/${caseId}/reviews`, undefined, supervisor)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await send('GET', `${B}/cases/${caseId}/reviews`, undefined, asApplicant('522732199001011002'))).toMatchObject({
        status: 404,
        body: { code: 'CASE_NOT_FOUND' },
      });
    });

    it('then two racing first ratings of the same touchpoint store exactly one', async () => {
      const { caseId, applicant } = await aCompletedCase('522732199001011002');
      const replies = await Promise.all([1, 2, 3].map(() => send('POST', `${B}/cases/${caseId}/reviews`, aReview(), applicant)));
      expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409]);
    });

    it('then staff cannot rate for the applicant, another citizen sees no case, and an unreached or closed touchpoint is refused', async () => {
      const { caseId, applicant } = await aCompletedCase('522732199001011003');
      // the review route takes citizens' tokens only: the clerk's is refused at the gateway, as no token is
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview(), clerk)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview())).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      // and the use case itself refuses any staff identity, whatever edge handed it over
      const { reviewDependencies } = require('../../functions/reviews/wiring') as typeof import('../../functions/reviews/wiring');
      const byStaff = await submitReview(
        reviewDependencies(),
        staffContext(TENANT, { staffId: 'CK-02', role: 'window' }),
        caseId,
        aReview() as Parameters<typeof submitReview>[3],
      ).then(
        () => undefined,
        (error: DomainError) => errorReply(error, 'R-test'),
      );
      expect(byStaff).toMatchObject({ statusCode: 403 });
      expect(JSON.parse(byStaff?.body as string)).toMatchObject({ code: 'STAFF_CANNOT_REVIEW' });
      // someone else's real-name account: the case is not theirs, so it is not there for them
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview(), asApplicant('52273219900101999X'))).toMatchObject({
        status: 404,
        body: { code: 'CASE_NOT_FOUND' },
      });
      expect(await send('POST', `${B}/cases/${caseId}/reviews`, aReview('满意', 'refusal'), applicant)).toMatchObject({
        status: 422,
        body: { code: 'TOUCHPOINT_NOT_OPEN' },
      });

      const notYetApplicant = asApplicant('522732199001011004');
      const filed = await send<{ caseId: string }>(
        'POST',
        `${B}/cases`,
        {
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
        },
        notYetApplicant,
      );
      expect(filed.status).toBe(201);
      const notYet = await send('POST', `${B}/cases/${filed.body.caseId}/reviews`, aReview(), notYetApplicant);
      expect(notYet).toMatchObject({ status: 409, body: { code: 'TOUCHPOINT_NOT_REACHED' } });
    });
  });

  describe('when a bad review is given', () => {
    it('then a rectification entry opens for the department and walks verification, rectification, call-back and closure in order', async () => {
      const { caseId, applicant } = await aCompletedCase('522732199001011005');
      const review = await send('POST', `${B}/cases/${caseId}/reviews`, aReview('非常不满意'), applicant);
      expect(review).toMatchObject({ status: 201, body: { rectification: { ownerDeptId: 'SJJ', deadline: expect.stringMatching(/T23:59:59\+08:00$/) } } });
      const id = review.body.rectification.rectificationId as string;
      const steps = `${B}/rectifications/${id}/steps`;

      expect(await send('GET', `${B}/rectifications?status=open`)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await send('GET', `${B}/rectifications?status=open`, undefined, applicant)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      const ledger = await send<{ rectifications: { rectificationId: string; light: string }[] }>(
        'GET',
        `${B}/rectifications?status=open&deptId=SJJ`,
        undefined,
        supervisor,
      );
      expect(ledger.body.rectifications).toContainEqual(expect.objectContaining({ rectificationId: id, light: expect.stringMatching(/^(green|yellow)$/) }));
      const red = await send<{ rectifications: { rectificationId: string }[] }>('GET', `${B}/rectifications?light=red`, undefined, supervisor);
      expect(red.body.rectifications.map((entry) => entry.rectificationId)).not.toContain(id);
      const otherDepartment = await send<{ rectifications: unknown[] }>('GET', `${B}/rectifications`, undefined, gtjHandler);
      expect(otherDepartment.body.rectifications).toEqual([]);
      expect(await send('GET', `${B}/rectifications/${id}`, undefined, gtjHandler)).toMatchObject({ status: 403, body: { code: 'OTHER_DEPARTMENT' } });

      expect(await send('POST', steps, { step: 'rectify', note: '先整改' }, sjjHandler)).toMatchObject({
        status: 409,
        body: { code: 'RECTIFICATION_STEP_OUT_OF_ORDER' },
      });
      expect(await send('POST', steps, { step: 'verify', note: '核实' }, gtjHandler)).toMatchObject({
        status: 403,
        body: { code: 'OTHER_DEPARTMENT' },
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
      // the supervision office reads the ledger but records no step: the owner department's head closes the entry
      expect(await send('POST', steps, { step: 'close', note: '销号' }, supervisor)).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
      const closed = await send('POST', steps, { step: 'close', note: '销号' }, sjjHead);
      expect(closed).toMatchObject({
        status: 200,
        body: { status: 'closed', light: 'green', steps: [{ step: 'verify' }, { step: 'rectify' }, { step: 'call_back' }, { step: 'close' }] },
      });
      expect(await send('POST', steps, { step: 'close', note: '再次销号' }, sjjHead)).toMatchObject({
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
      expect(audit).toContainEqual(expect.objectContaining({ action: 'RectificationClosed', who: 'SJJ-001' }));
      expect(JSON.stringify(audit)).not.toContain('522732199001011005');
      expect(await send('GET', `${B}/audit?caseId=${caseId}`)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await send('GET', `${B}/audit?caseId=${caseId}`, undefined, sjjHandler)).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
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
      const applicant = asApplicant('522732199001011010');
      const created = await send<{ caseId: string }>(
        'POST',
        `${B}/cases`,
        { itemCode: promisedItem.code, applicant: anApplicant({ idNumber: '522732199001011010' }), formData: { businessName: '三都韦记米粉店' } },
        applicant,
      );
      const { caseId } = created.body;
      await send('POST', `${B}/cases/${caseId}/acceptance`, { decision: 'accept' }, clerk);
      for (const deptId of ['SCJGJ', 'SWJ']) {
        const handler: Caller = { staffId: `${deptId}-007` };
        const task = await eventually(async () => {
          const list = await send<{ tasks: { taskId: string; caseId: string; status: string }[] }>(
            'GET',
            `${B}/departments/${deptId}/tasks`,
            undefined,
            handler,
          );
          return list.body.tasks.find((candidate) => candidate.caseId === caseId && candidate.status === 'pending');
        });
        expect((await send('POST', `${B}/tasks/${task.taskId}/decision`, { decision: 'approve' }, handler)).status).toBe(200);
      }
      await eventually(async () => ((await send('GET', `${B}/cases/${caseId}`, undefined, applicant)).body.status === 'completed' ? true : undefined));

      const review = await send('POST', `${B}/cases/${caseId}/reviews`, aReview('满意'), applicant);
      expect(review).toMatchObject({
        status: 201,
        body: { links: { itemCode: promisedItem.code, departments: ['SCJGJ', 'SWJ'], handlers: ['SCJGJ-007', 'SWJ-007'] } },
      });

      const month = shanghaiDate(new Date().toISOString()).slice(0, 7);
      const figures = await eventually(async () => {
        const reply = await send('GET', `${B}/staff/SCJGJ-007/monthly?month=${month}`, undefined, { staffId: 'SCJGJ-007' });
        return reply.body.casesHandled === 1 && reply.body.reviews === 1 ? reply.body : undefined;
      });
      expect(figures).toMatchObject({ onTime: 1, onTimeRate: 1, distribution: { 满意: 1 }, satisfactionRate: 1 });
      expect(await send('GET', `${B}/staff/SCJGJ-007/monthly?month=${month}`, undefined, { staffId: 'SWJ-007' })).toMatchObject({
        status: 403,
        body: { code: 'NOT_YOURSELF' },
      });
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
      expect(await send('GET', `${B}/supervision/dashboard`, undefined, sjjHandler)).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
    });
  });
  describe('when the supervision office pages through the ledger one entry at a time', () => {
    it('then each of the two entries comes once, and a cursor taken to one status’s list is 400 INVALID_CURSOR', async () => {
      const ids: string[] = [];
      let cursor: string | undefined;
      let first: string | undefined;
      do {
        const page = await send<{ rectifications: { rectificationId: string }[]; nextCursor?: string }>(
          'GET',
          `${B}/rectifications?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          undefined,
          supervisor,
        );
        expect(page.status).toBe(200);
        expect(page.body.rectifications.length).toBeLessThanOrEqual(1);
        ids.push(...page.body.rectifications.map((entry) => entry.rectificationId));
        cursor = page.body.nextCursor;
        first ??= cursor;
      } while (cursor);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      const elsewhere = await send('GET', `${B}/rectifications?status=open&cursor=${encodeURIComponent(first as string)}`, undefined, supervisor);
      expect(elsewhere).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
    });
  });
});
