import { aPlanningApplication } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

type ExaminationRow = { caseId: string; status: string; applicantName: string; noticeDeadline: string | null; light: string; oneTimeNoticeUsed: boolean };
type ExaminationQueue = { status: string; cases: ExaminationRow[]; nextCursor?: string };
type HandoverQueue = { cases: { caseId: string; deliveryMethod: string | null; deliveryDeadline: string | null; light: string }[]; nextCursor?: string };
type OpenCases = {
  cases: { caseId: string; status: string; light: string; departments: { deptId: string; light: string; escalationLevel: number }[] }[];
  nextCursor?: string;
};

const walkIn = {
  itemCode: 'SCZR-0001',
  window: { windowId: 'ZH-SCZR' },
  applicant: { kind: 'person', name: '潘阿妹', idType: '居民身份证', idNumber: '522732199001010002', phone: '13800000001' },
  formData: {
    operatorName: '潘阿妹',
    operatorIdNumber: '522732199001010002',
    phone: '13800000001',
    organizationForm: '个人经营',
    businessScope: '米粉',
    businessAddress: '三合街道',
    capitalTenThousandYuan: 5,
  },
};

/** Every page of a queue, following nextCursor, with the pages' sizes. */
async function allPages<T extends { nextCursor?: string; cases: { caseId: string }[] }>(api: ApiClient, path: string) {
  const sizes: number[] = [];
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<T>(`${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    sizes.push(page.body.cases.length);
    ids.push(...page.body.cases.map((row) => row.caseId));
    cursor = page.body.nextCursor;
  } while (cursor);
  return { sizes, ids };
}

describe('given 三都县 with five online applications, a walk-in 即办件 and a window clerk', () => {
  const local = aPlatformForThisFile();
  let window: ApiClient;
  const filed: string[] = [];

  beforeAll(async () => {
    window = await staffApi(local, TENANT, 'CK-01');
    for (const suffix of ['1A', '2B', '3C', '4D', '5E']) {
      const application = aPlanningApplication(`91522732MA6DLQ${suffix}X`);
      const applicant = await applicantApi(local, application.applicant);
      const reply = await applicant.post<{ caseId: string }>(`${B}/cases`, application);
      expect(reply.status).toBe(201);
      filed.push(reply.body.caseId);
    }
  });

  describe('when the window pages through its examination queue two at a time', () => {
    it('then every application comes once, in order of receipt, each with its notice deadline and light, and never the applicant’s ID or phone', async () => {
      const { sizes, ids } = await allPages<ExaminationQueue>(window, `${B}/workbench/examination-queue`);
      expect(ids).toEqual(filed);
      expect(sizes).toEqual([2, 2, 1]);
      const first = await window.get<ExaminationQueue>(`${B}/workbench/examination-queue?limit=5`);
      for (const row of first.body.cases) {
        expect(row).toMatchObject({
          status: 'submitted',
          applicantName: '三都县城投建设有限公司',
          oneTimeNoticeUsed: false,
          light: expect.stringMatching(/^(green|yellow|red)$/),
        });
        expect(row.noticeDeadline).toMatch(/T23:59:59\+08:00$/);
      }
      expect(JSON.stringify(first.body)).not.toMatch(/91522732MA6DLQ|13800000000/);
    });
  });

  describe('when a cursor is edited, or taken to another list', () => {
    it('then the queue answers 400 INVALID_CURSOR with a Chinese message, and the first page still works', async () => {
      const page = await window.get<ExaminationQueue>(`${B}/workbench/examination-queue?limit=2`);
      const cursor = page.body.nextCursor as string;
      const edited = await window.get<{ code: string; message: string }>(`${B}/workbench/examination-queue?limit=2&cursor=${cursor.slice(0, -3)}zzz`);
      expect(edited).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
      expect(edited.body.message).toMatch(/游标/);
      const elsewhere = await window.get(`${B}/workbench/examination-queue?status=supplement_requested&cursor=${encodeURIComponent(cursor)}`);
      expect(elsewhere).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
      const openCases = await (await staffApi(local, TENANT, 'JC-001')).get(`${B}/supervision/cases?cursor=${encodeURIComponent(cursor)}`);
      expect(openCases).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
    });
  });

  describe('when the window sends a 一次性告知 for one of them', () => {
    it('then it leaves the queue to examine and waits among the supplements, marked as having used its one notice', async () => {
      const caseId = filed[0] as string;
      const notice = await window.post(`${B}/cases/${caseId}/acceptance`, {
        decision: 'supplement',
        items: [{ materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' }],
      });
      expect(notice.status).toBe(200);
      const waiting = await window.get<ExaminationQueue>(`${B}/workbench/examination-queue?status=supplement_requested`);
      expect(waiting.body.cases.find((row) => row.caseId === caseId)).toMatchObject({
        status: 'supplement_requested',
        oneTimeNoticeUsed: true,
        light: 'suspended',
        noticeDeadline: null,
      });
      const toExamine = await window.get<ExaminationQueue>(`${B}/workbench/examination-queue?limit=100`);
      expect(toExamine.body.cases.map((row) => row.caseId)).not.toContain(caseId);
    });
  });

  describe('when a walk-in 即办件 is completed on the spot and later handed over at the window', () => {
    it('then the handover queue lists it with its 3-working-day deadline and light until the handover, and then no more', async () => {
      const created = await window.post<{ caseId: string }>(`${B}/workbench/cases`, walkIn);
      expect(created.status).toBe(201);
      const caseId = created.body.caseId;
      expect((await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'complete' })).status).toBe(200);
      const queued = await eventually(async () =>
        (await window.get<HandoverQueue>(`${B}/workbench/handover-queue`)).body.cases.find((row) => row.caseId === caseId),
      );
      expect(queued).toMatchObject({ deliveryMethod: null, light: 'green', deliveryDeadline: expect.stringMatching(/T23:59:59\+08:00$/) });
      expect((await window.post(`${B}/cases/${caseId}/delivery/handover`, {})).status).toBe(200);
      expect((await window.get<HandoverQueue>(`${B}/workbench/handover-queue`)).body.cases.map((row) => row.caseId)).not.toContain(caseId);
    });
  });

  describe('when the window accepts two applications and the supervisor drills down', () => {
    it('then the open cases list them with their departments’ stage lights, and the filters by department, item and light hold', async () => {
      const accepted = [filed[1], filed[2]] as string[];
      for (const caseId of accepted) expect((await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' })).status).toBe(200);
      const supervisor = await staffApi(local, TENANT, 'JC-001');
      const open = await eventually(async () => {
        const { ids } = await allPages<OpenCases>(supervisor, `${B}/supervision/cases`);
        return accepted.every((caseId) => ids.includes(caseId)) ? ids : undefined;
      });
      expect(new Set(open).size).toBe(open.length);
      const page = await supervisor.get<OpenCases>(`${B}/supervision/cases?deptId=ZJJ&limit=100`);
      const row = page.body.cases.find((candidate) => candidate.caseId === accepted[0]);
      expect(row?.departments.map((department) => department.deptId).sort()).toEqual(['GAJ', 'GTJ', 'ZJJ']);
      expect(row).toMatchObject({ light: 'green', departments: expect.arrayContaining([expect.objectContaining({ deptId: 'ZJJ', escalationLevel: 0 })]) });
      expect((await supervisor.get<OpenCases>(`${B}/supervision/cases?deptId=SJJ&limit=100`)).body.cases).toEqual([]);
      expect((await supervisor.get<OpenCases>(`${B}/supervision/cases?itemCode=SCZR-0001&limit=100`)).body.cases).toEqual([]);
      expect((await supervisor.get<OpenCases>(`${B}/supervision/cases?light=red&limit=100`)).body.cases).toEqual([]);
      const green = await supervisor.get<OpenCases>(`${B}/supervision/cases?light=green&limit=100`);
      expect(green.body.cases.map((candidate) => candidate.caseId)).toEqual(expect.arrayContaining(accepted));
    });
  });
  describe('when 国土局’s handler pages through the department’s tasks one at a time', () => {
    it('then both accepted applications come once, by stage deadline, and another status’s or department’s cursor is 400 INVALID_CURSOR', async () => {
      const handler = await staffApi(local, TENANT, 'GTJ-007');
      const accepted = [filed[1], filed[2]] as string[];
      type TaskList = { tasks: { caseId: string; stageDeadline?: string }[]; nextCursor?: string };
      const pages = await eventually(async () => {
        const seen: TaskList[] = [];
        let cursor: string | undefined;
        do {
          const page = await handler.get<TaskList>(`${B}/departments/GTJ/tasks?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(page.status).toBe(200);
          seen.push(page.body);
          cursor = page.body.nextCursor;
        } while (cursor);
        const ids = seen.flatMap((page) => page.tasks.map((task) => task.caseId));
        return accepted.every((caseId) => ids.includes(caseId)) ? seen : undefined;
      });
      const tasks = pages.flatMap((page) => page.tasks);
      expect(pages.every((page) => page.tasks.length <= 1)).toBe(true);
      expect(new Set(tasks.map((task) => task.caseId)).size).toBe(tasks.length);
      const deadlines = tasks.map((task) => task.stageDeadline ?? '');
      expect(deadlines).toEqual([...deadlines].sort());
      const cursor = pages[0]?.nextCursor as string;
      expect(await handler.get(`${B}/departments/GTJ/tasks?status=approved&cursor=${encodeURIComponent(cursor)}`)).toMatchObject({
        status: 400,
        body: { code: 'INVALID_CURSOR' },
      });
      const head = await staffApi(local, TENANT, 'JC-001');
      expect(await head.get(`${B}/departments/ZJJ/tasks?cursor=${encodeURIComponent(cursor)}`)).toMatchObject({
        status: 400,
        body: { code: 'INVALID_CURSOR' },
      });
    });
  });
});
