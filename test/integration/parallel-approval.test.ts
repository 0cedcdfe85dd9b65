import { readFileSync } from 'node:fs';
import { anApplicant, aPlanningApplication, aPublishedItem } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

/**
 * Parallel approval on the whole local stack over HTTP: the 企业开办一件事 bundle of 三都县 goes to
 * 市监局 (SJJ), 公安局 (GAJ) and 国税局 (GSJ) at once.
 */
const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;
const DAY_MS = 86_400_000;

type Field = { key: string; type: string; required: boolean; options?: string[] };
type TaskView = {
  taskId: string;
  deptId: string;
  status: string;
  light: string;
  decision?: string;
  escalation?: { level: number; supervisionDeadline?: string };
  voidedBecause?: string;
};
type CaseView = {
  status: string;
  outcomeReason?: string;
  rightsNotice?: string;
  tasks: TaskView[];
  timeline: { type: string; detail: Record<string, unknown> }[];
};

const valueFor = (field: Field): unknown =>
  ({ number: 1, date: '2026-11-20', select: field.options?.[0], idNumber: '52273219900101002X', phone: '13800000000', boolean: true })[field.type] ??
  `${field.key}-值`;

/** An item whose approved procedure is serial (先税后证): 税务 2 days, then 不动产登记 2 days. */
const serialItem = aPublishedItem({
  code: 'TEST-SERIAL',
  name: '存量房转移登记（串联）',
  mode: 'serial',
  departments: [
    { deptId: 'DSJ', lead: false, stageDays: 2, prerequisites: [] },
    { deptId: 'GTJ', lead: true, stageDays: 2, prerequisites: [] },
  ],
});

/** Handlers of the two departments config/local/staff.yaml has nobody for: 国税局 and 综合执法局 (the 转办 target). */
const extraHandlers = [
  { tenantId: TENANT, staffId: 'GSJ-007', name: '莫晓东', role: 'handler' as const, deptId: 'GSJ', phone: '13985279001' },
  { tenantId: TENANT, staffId: 'ZHZFJ-007', name: '潘永福', role: 'handler' as const, deptId: 'ZHZFJ', phone: '13985279002' },
];

describe('given the 企业开办一件事 bundle accepted at the 一件事 window', () => {
  const running = aPlatformForThisFile([serialItem], { staff: extraHandlers });
  /** The window clerk who accepts every case and follows it on the workbench. */
  const windowClerk = () => staffApi(running, TENANT, 'CK-01');
  /** A handler of the department (工号 `<dept>-007`), who works its task list. */
  const handlerOf = (deptId: string) => staffApi(running, TENANT, `${deptId}-007`);
  const caseView = async (caseId: string) => (await windowClerk()).get<CaseView>(`${B}/workbench/cases/${caseId}`).then((reply) => reply.body);
  const taskOf = async (caseId: string, deptId: string) => {
    const handler = await handlerOf(deptId);
    return eventually(async () =>
      (await handler.get<{ tasks: TaskView[] & { caseId: string }[] }>(`${B}/departments/${deptId}/tasks`)).body.tasks.find(
        (task) => (task as unknown as { caseId: string }).caseId === caseId,
      ),
    );
  };
  const decide = (taskId: string, body: object, as: ApiClient) => as.post<Record<string, unknown>>(`${B}/tasks/${taskId}/decision`, body);
  /** Files online as the applicant of the application and has the window accept it. */
  const fileAndAccept = async (application: { applicant: Parameters<typeof applicantApi>[1] } & Record<string, unknown>) => {
    const filed = await (await applicantApi(running, application.applicant)).post<{ caseId: string }>(`${B}/cases`, application);
    expect(filed.status).toBe(201);
    const { caseId } = filed.body;
    expect((await (await windowClerk()).post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' })).status).toBe(200);
    return caseId;
  };
  const outbox = () => {
    try {
      return readFileSync(running.platform.environment.NOTIFICATION_OUTBOX_FILE as string, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { kind?: string; caseId: string; to: Record<string, unknown>; text: string })
        .filter((line) => line.kind !== 'sign-in-code');
    } catch {
      return [];
    }
  };

  it('then departments decide in parallel; a 现场勘察 stops one clock, an overdue one is escalated red to 督办, and the case completes', async () => {
    const guide = await running.api.get<{ formFields: Field[] }>(`${B}/bundles/QYKB`);
    const formData = Object.fromEntries(guide.body.formFields.filter((field) => field.required).map((field) => [field.key, valueFor(field)]));
    const caseId = await fileAndAccept({ bundleCode: 'QYKB', applicant: anApplicant(), formData });
    const [market, police, tax] = [await taskOf(caseId, 'SJJ'), await taskOf(caseId, 'GAJ'), await taskOf(caseId, 'GSJ')];
    const [policeHandler, taxHandler] = [await handlerOf('GAJ'), await handlerOf('GSJ')];

    // a handler of 市监局 claims the task and suspends it for an on-site inspection of the premises
    const handler = await staffApi(running, TENANT, 'SJJ-012');
    expect((await handler.post(`${B}/tasks/${market.taskId}/claim`)).body).toMatchObject({ claimedBy: 'SJJ-012' });
    expect((await (await staffApi(running, TENANT, 'SJJ-007')).post(`${B}/tasks/${market.taskId}/claim`)).body).toMatchObject({
      code: 'TASK_ALREADY_CLAIMED',
    });
    const suspended = await decide(market.taskId, { decision: 'suspend', procedure: '现场勘察', reason: '核实经营场所', expectedDays: 2 }, handler);
    expect(suspended).toMatchObject({ status: 200, body: { status: 'suspended', delivery: 'not-needed' } });
    // a window clerk does not decide department tasks; a handler of another department is refused this one
    expect((await decide(market.taskId, { decision: 'approve' }, await windowClerk())).body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(await decide(market.taskId, { decision: 'approve' }, policeHandler)).toMatchObject({ status: 403, body: { code: 'OTHER_DEPARTMENT' } });

    expect((await decide(police.taskId, { decision: 'approve' }, policeHandler)).body).toMatchObject({
      status: 'approved',
      delivery: 'delivered',
    });
    expect((await decide(police.taskId, { decision: 'deny', reason: '重复' }, policeHandler)).body).toMatchObject({ code: 'TASK_NOT_PENDING' });

    // two days pass: the same-day stage of 国税局 is overdue, the suspended stage is not
    running.platform.advanceClock(2 * DAY_MS);
    const escalated = await eventually(async () => {
      const view = await caseView(caseId);
      // the task and the timeline are read side by side, so wait until both show the step
      const escalatedTask = view.tasks.find((task) => task.deptId === 'GSJ' && (task.escalation?.level ?? 0) >= 2);
      return escalatedTask && view.timeline.some((event) => event.type === 'DepartmentTaskEscalated') ? view : undefined;
    });
    expect(escalated.tasks.find((task) => task.deptId === 'GSJ')).toMatchObject({ light: 'red', escalation: { level: 2 } });
    expect(escalated.tasks.find((task) => task.deptId === 'SJJ')).toMatchObject({ status: 'suspended', light: 'suspended' });
    expect(escalated.timeline.find((event) => event.type === 'DepartmentTaskEscalated')?.detail).toMatchObject({ deptId: 'GSJ', light: 'red', level: 2 });
    const alerts = await eventually(async () => {
      const sent = outbox().filter((notice) => notice.caseId === caseId && 'staff' in notice.to);
      return sent.length >= 2 ? sent : undefined;
    });
    expect(alerts.map((notice) => notice.to.staff)).toContainEqual(expect.objectContaining({ role: 'supervisor', level: 'county' }));
    expect(alerts.map((notice) => notice.to.staff)).toContainEqual({ role: 'department_head', deptId: 'GSJ' });
    expect(alerts[0]?.text).toContain('督办');

    expect((await decide(market.taskId, { decision: 'resume' }, handler)).body).toMatchObject({ status: 'pending', delivery: 'delivered' });
    await eventually(async () => ((await caseView(caseId)).timeline.filter((event) => event.type === 'DepartmentTaskReissued').length > 0 ? true : undefined));
    expect((await decide(market.taskId, { decision: 'approve' }, handler)).status).toBe(200);
    expect((await decide(tax.taskId, { decision: 'approve' }, taxHandler)).status).toBe(200);

    const done = await eventually(async () => {
      const view = await caseView(caseId);
      return view.status === 'completed' ? view : undefined;
    });
    const types = done.timeline.map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining(['DepartmentTaskClaimed', 'DepartmentTaskSuspended', 'DepartmentTaskResumed', 'DepartmentTaskEscalated', 'CaseCompleted']),
    );
    expect(outbox().some((notice) => notice.caseId === caseId && notice.text.includes('现场勘察'))).toBe(true);
  });

  it('then under 默认前置条件批准 a denied prerequisite voids the approval that presumed it, cancels the rest, and the denial states the rights', async () => {
    const caseId = await fileAndAccept(aPlanningApplication());
    const [planning, housing] = [await taskOf(caseId, 'GTJ'), await taskOf(caseId, 'ZJJ')];
    await taskOf(caseId, 'GAJ');

    // 国土局 works as if 住建局 had approved, and approves first
    expect((await decide(planning.taskId, { decision: 'approve' }, await handlerOf('GTJ'))).status).toBe(200);
    const denial = await decide(housing.taskId, { decision: 'deny', reason: '人防设施不符合要求' }, await handlerOf('ZJJ'));
    expect(denial.body).toMatchObject({ status: 'denied', rightsNotice: expect.stringContaining('行政复议') });

    const denied = await eventually(async () => {
      const view = await caseView(caseId);
      return view.status === 'denied' ? view : undefined;
    });
    expect(denied.outcomeReason).toContain('ZJJ：人防设施不符合要求');
    expect(denied.outcomeReason).toContain('GTJ 的批准以 ZJJ 批准为前置条件，随之失效');
    expect(denied.rightsNotice).toContain('行政诉讼');
    expect(denied.tasks.map((task) => [task.deptId, task.status, task.voidedBecause])).toEqual([
      ['GTJ', 'approved', 'ZJJ'],
      ['ZJJ', 'denied', undefined],
      ['GAJ', 'cancelled', undefined],
    ]);
  });

  it('then a reassignment (转办) moves the task to the other department, which receives it with a fresh wait', async () => {
    const caseId = await fileAndAccept(aPlanningApplication('91522732MA6DLXXX2Q'));
    const police = await taskOf(caseId, 'GAJ');
    const policeHandler = await handlerOf('GAJ');
    expect((await decide(police.taskId, { decision: 'reassign', toDeptId: 'NOPE', reason: 'x' }, policeHandler)).body).toMatchObject({
      code: 'UNKNOWN_DEPARTMENT',
    });
    expect((await decide(police.taskId, { decision: 'reassign', toDeptId: 'ZHZFJ', reason: '消防审验属综合执法局' }, policeHandler)).body).toMatchObject({
      deptId: 'ZHZFJ',
      status: 'waiting',
    });
    const moved = await taskOf(caseId, 'ZHZFJ');
    expect(moved.taskId).toBe(police.taskId);
    expect((await policeHandler.get<{ tasks: { caseId: string }[] }>(`${B}/departments/GAJ/tasks`)).body.tasks.some((task) => task.caseId === caseId)).toBe(
      false,
    );
  });

  it('then a serial item reaches its second department only after the first approved, and that stage counts from its arrival', async () => {
    const caseId = await fileAndAccept({ itemCode: 'TEST-SERIAL', applicant: anApplicant(), formData: { businessName: '串联测试' } });
    const tax = await taskOf(caseId, 'DSJ');
    const registryHandler = await handlerOf('GTJ');
    const waiting = await registryHandler.get<{ tasks: { caseId: string; taskId: string }[] }>(`${B}/departments/GTJ/tasks?status=waiting`);
    expect(waiting.body.tasks.some((task) => task.caseId === caseId)).toBe(true);
    expect((await decide(tax.taskId, { decision: 'approve' }, await handlerOf('DSJ'))).status).toBe(200);
    const registry = await taskOf(caseId, 'GTJ');
    expect((await decide(registry.taskId, { decision: 'approve' }, registryHandler)).status).toBe(200);
    const done = await eventually(async () => {
      const view = await caseView(caseId);
      return view.status === 'completed' ? view : undefined;
    });
    const assigned = done.timeline.filter((event) => event.type === 'DepartmentTaskAssigned').map((event) => event.detail.deptId);
    expect(assigned).toEqual(['DSJ', 'GTJ']);
  });
});
