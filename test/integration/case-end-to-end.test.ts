import { anApplicant, aPublishedItem } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

type TaskList = { tasks: { taskId: string; caseId: string; status: string; light: string }[] };
type CaseView = {
  status: string;
  timeline: { type: string; at: string }[];
  tasks: { deptId: string; status: string }[];
  promisedDeadline?: string;
  clock: Record<string, unknown>;
};

const TENANT = '522732';
const item = aPublishedItem({ tenantId: TENANT });
/** The handlers of the item's two departments (市场监管 leads, 税务 in parallel), besides the accounts of config/local/staff.yaml. */
const departmentHandlers = [
  { tenantId: TENANT, staffId: 'SCJGJ-007', name: '韦市监', role: 'handler', deptId: 'SCJGJ', phone: '13985270081' },
  { tenantId: TENANT, staffId: 'SWJ-007', name: '蒙税务', role: 'handler', deptId: 'SWJ', phone: '13985270082' },
] as const;

const pendingTaskOf = async (api: ApiClient, deptId: string, caseId: string) =>
  eventually(async () => {
    const reply = await api.get<TaskList>(`/v1/tenants/${TENANT}/departments/${deptId}/tasks`);
    return reply.body.tasks.find((task) => task.caseId === caseId);
  });

describe('given the local platform with a published item', () => {
  const running = aPlatformForThisFile([item], { staff: departmentHandlers });
  /** The applicant signed in with their real-name account, the window clerk, and a handler of each department. */
  let applicant: ApiClient;
  let window: ApiClient;
  let lead: ApiClient;
  let tax: ApiClient;

  beforeAll(async () => {
    applicant = await applicantApi(running, anApplicant());
    window = await staffApi(running, TENANT, 'CK-01');
    lead = await staffApi(running, TENANT, 'SCJGJ-007');
    tax = await staffApi(running, TENANT, 'SWJ-007');
  });

  describe('when an application is filed, accepted, and approved by every department', () => {
    it('then the case is completed with a timeline of every step', async () => {
      const created = await applicant.post<{ caseId: string; status: string }>(`/v1/tenants/${TENANT}/cases`, {
        itemCode: item.code,
        applicant: anApplicant(),
        formData: { businessName: '三都韦记米粉店' },
      });
      expect(created).toMatchObject({ status: 201, body: { status: 'submitted' } });
      const { caseId } = created.body;

      const accepted = await window.post(`/v1/tenants/${TENANT}/cases/${caseId}/acceptance`, { decision: 'accept' });
      expect(accepted).toMatchObject({ status: 200, body: { status: 'in_approval', promisedDeadline: expect.stringMatching(/T23:59:59\+08:00$/) } });
      const inApproval = await applicant.get<{ clock: Record<string, unknown> }>(`/v1/tenants/${TENANT}/cases/${caseId}`);
      expect(inApproval.body.clock).toMatchObject({
        noticeDeadline: expect.stringMatching(/T23:59:59\+08:00$/),
        promisedDeadline: accepted.body.promisedDeadline,
        light: expect.stringMatching(/^(green|yellow)$/),
        alerts: [],
      });

      const leadTask = await pendingTaskOf(lead, 'SCJGJ', caseId);
      const taxTask = await pendingTaskOf(tax, 'SWJ', caseId);
      expect(JSON.stringify([leadTask, taxTask])).not.toMatch(/token/i);

      expect((await lead.post(`/v1/tenants/${TENANT}/tasks/${leadTask.taskId}/decision`, { decision: 'approve' })).status).toBe(200);
      expect((await tax.post(`/v1/tenants/${TENANT}/tasks/${taxTask.taskId}/decision`, { decision: 'approve' })).status).toBe(200);

      const completed = await eventually(async () => {
        const view = await applicant.get<CaseView>(`/v1/tenants/${TENANT}/cases/${caseId}`);
        return view.body.status === 'completed' ? view.body : undefined;
      });
      // the applicant's notices and the certificate arrive asynchronously (from the case-events topic); the process steps are exact
      const asynchronous = ['NotificationSent', 'CertificateIssued'];
      expect(completed.timeline.map((event) => event.type).filter((type) => !asynchronous.includes(type))).toEqual([
        'CaseSubmitted',
        'CaseAccepted',
        'ApprovalStarted',
        expect.stringMatching(/^DepartmentTask(Assigned)$/),
        expect.stringMatching(/^DepartmentTask(Assigned)$/),
        'DepartmentTaskDecided',
        'DepartmentTaskDecided',
        'CaseCompleted',
      ]);
      const times = completed.timeline.map((event) => Date.parse(event.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(completed.tasks.every((task) => task.status === 'approved')).toBe(true);
      expect(completed.clock).toMatchObject({ finishedOnTime: true, light: 'green', deliveryDeadline: expect.stringMatching(/T23:59:59\+08:00$/) });
    });
  });

  describe('when a department denies', () => {
    it('then the case ends denied with the reason, after the other department answered', async () => {
      const { body } = await applicant.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, {
        itemCode: item.code,
        applicant: anApplicant(),
        formData: { businessName: '甲' },
      });
      await window.post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
      const leadTask = await pendingTaskOf(lead, 'SCJGJ', body.caseId);
      const taxTask = await pendingTaskOf(tax, 'SWJ', body.caseId);
      await tax.post(`/v1/tenants/${TENANT}/tasks/${taxTask.taskId}/decision`, { decision: 'deny', reason: '存在未缴清税款' });
      await lead.post(`/v1/tenants/${TENANT}/tasks/${leadTask.taskId}/decision`, { decision: 'approve' });
      const denied = await eventually(async () => {
        const view = await applicant.get<CaseView & { outcomeReason: string }>(`/v1/tenants/${TENANT}/cases/${body.caseId}`);
        return view.body.status === 'denied' ? view.body : undefined;
      });
      expect(denied.outcomeReason).toContain('存在未缴清税款');
    });
  });

  describe('when requests are bad', () => {
    it('then each gets a 4xx with a code and a bilingual message, and nothing is stored', async () => {
      const unknownItem = await applicant.post(`/v1/tenants/${TENANT}/cases`, { itemCode: 'NO-SUCH', applicant: anApplicant(), formData: {} });
      expect(unknownItem).toMatchObject({ status: 404, body: { code: 'ITEM_NOT_FOUND' } });
      const badJson = await applicant.postRaw(`/v1/tenants/${TENANT}/cases`, '{"itemCode":');
      expect(badJson).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
      const badPhone = await applicant.post(`/v1/tenants/${TENANT}/cases`, {
        itemCode: item.code,
        applicant: anApplicant({ phone: '12' }),
        formData: { businessName: 'x' },
      });
      expect(badPhone).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(String(badPhone.body.message)).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
      const unknownCase = await applicant.get(`/v1/tenants/${TENANT}/cases/01ARZ3NDEKTSV4RRFFQ69G5FAV`);
      expect(unknownCase).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      const unknownTask = await lead.post(`/v1/tenants/${TENANT}/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV/decision`, { decision: 'approve' });
      expect(unknownTask).toMatchObject({ status: 404, body: { code: 'TASK_NOT_FOUND' } });
      // plain fetch: a route that does not exist has no operation in the OpenAPI document the api client holds answers to
      const unknownRoute = await fetch(`${running.platform.url}/v1/nowhere`);
      expect({ status: unknownRoute.status, body: await unknownRoute.json() }).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
    });

    it('then the working-day deadline API counts across National Day, provisionally into 2027, and refuses a year beyond the horizon', async () => {
      const overHoliday = await running.api.get(`/v1/tenants/${TENANT}/calendar/deadline?start=2026-09-30T10:00:00%2B08:00&days=5`);
      expect(overHoliday).toMatchObject({ status: 200, body: { deadline: '2026-10-13T23:59:59+08:00' } });
      const unencodedPlus = await running.api.get(`/v1/tenants/${TENANT}/calendar/deadline?start=2026-09-30T10:00:00+08:00&days=5`);
      expect(unencodedPlus).toMatchObject({ status: 200, body: { deadline: '2026-10-13T23:59:59+08:00' } });
      // 2027 has no notice yet: counted on the statutory holidays (元旦 Friday 1 January) and marked provisional
      const into2027 = await running.api.get(`/v1/tenants/${TENANT}/calendar/deadline?start=2026-12-20T10:00:00%2B08:00&days=20`);
      expect(into2027).toMatchObject({ status: 200, body: { deadline: '2027-01-18T23:59:59+08:00', provisional: true } });
      const beyondHorizon = await running.api.get(`/v1/tenants/${TENANT}/calendar/deadline?start=2028-12-20T10:00:00%2B08:00&days=20`);
      expect(beyondHorizon).toMatchObject({ status: 422, body: { code: 'CALENDAR_NOT_AVAILABLE' } });
      const badStart = await running.api.get(`/v1/tenants/${TENANT}/calendar/deadline?start=yesterday-ish&days=5`);
      expect(badStart).toMatchObject({ status: 400, body: { code: 'INVALID_INSTANT' } });
      const badDays = await running.api.get(`/v1/tenants/${TENANT}/calendar/deadline?start=2026-09-30T10:00:00%2B08:00&days=0`);
      expect(badDays).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });

    it('then an applicant given only name, ID number and phone is taken as a person with a resident ID card', async () => {
      const { idNumber, name, phone } = anApplicant();
      const created = await applicant.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, {
        itemCode: item.code,
        applicant: { name, idNumber, phone },
        formData: { businessName: '丁' },
      });
      expect(created.status).toBe(201);
      const view = await applicant.get<{ applicant: { kind: string } }>(`/v1/tenants/${TENANT}/cases/${created.body.caseId}`);
      expect(view.body.applicant.kind).toBe('person');
    });

    it('then a case of another tenant is invisible (tenant isolation)', async () => {
      const { body } = await applicant.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, {
        itemCode: item.code,
        applicant: anApplicant(),
        formData: { businessName: '乙' },
      });
      const fromOtherTenant = await applicant.get(`/v1/tenants/630103/cases/${body.caseId}`);
      expect(fromOtherTenant).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
      const otherCountyClerk = await staffApi(running, '630103', 'CK-01');
      const fromOtherCountysWindow = await otherCountyClerk.get(`/v1/tenants/630103/workbench/cases/${body.caseId}`);
      expect(fromOtherCountysWindow).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    });

    it('then accepting twice or deciding a stale task is a 409 that changes nothing', async () => {
      const { body } = await applicant.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, {
        itemCode: item.code,
        applicant: anApplicant(),
        formData: { businessName: '丙' },
      });
      await window.post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
      const again = await window.post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'reject', reason: '重复' });
      expect(again).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });
      const task = await pendingTaskOf(lead, 'SCJGJ', body.caseId);
      await lead.post(`/v1/tenants/${TENANT}/tasks/${task.taskId}/decision`, { decision: 'approve' });
      const stale = await lead.post(`/v1/tenants/${TENANT}/tasks/${task.taskId}/decision`, { decision: 'deny', reason: '改主意' });
      expect(stale).toMatchObject({ status: 409, body: { code: 'TASK_NOT_PENDING' } });
      const view = await applicant.get<CaseView>(`/v1/tenants/${TENANT}/cases/${body.caseId}`);
      expect(view.body.tasks.find((candidate) => candidate.deptId === 'SCJGJ')?.status).toBe('approved');
    });
  });
});
