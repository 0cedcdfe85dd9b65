import { readFileSync } from 'node:fs';
import { anApplicant, aPlanningApplication, aPublishedItem } from '../support/fixtures';
import { aPlatformForThisFile, asStaff, eventually } from './support/platform';

/**
 * Parallel approval on the whole local stack over HTTP: the 企业开办一件事 bundle of 三都县 goes to
 * 市监局 (SJJ), 公安局 (GAJ) and 国税局 (GSJ) at once.
 */
const B = '/v1/tenants/522732';
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

describe('given the 企业开办一件事 bundle accepted at the 一件事 window', () => {
  const running = aPlatformForThisFile([serialItem]);
  const caseView = (caseId: string) => running.api.get<CaseView>(`${B}/cases/${caseId}`).then((reply) => reply.body);
  const taskOf = (caseId: string, deptId: string) =>
    eventually(async () =>
      (await running.api.get<{ tasks: TaskView[] & { caseId: string }[] }>(`${B}/departments/${deptId}/tasks`)).body.tasks.find(
        (task) => (task as unknown as { caseId: string }).caseId === caseId,
      ),
    );
  const decide = (taskId: string, body: object, headers?: Record<string, string>) =>
    running.api.post<Record<string, unknown>>(`${B}/tasks/${taskId}/decision`, body, headers);
  const outbox = () => {
    try {
      return readFileSync(running.platform.environment.NOTIFICATION_OUTBOX_FILE as string, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { caseId: string; to: Record<string, unknown>; text: string });
    } catch {
      return [];
    }
  };

  it('then departments decide in parallel; a 现场勘察 stops one clock, an overdue one is escalated red to 督办, and the case completes', async () => {
    const { api } = running;
    const guide = await api.get<{ formFields: Field[] }>(`${B}/bundles/QYKB`);
    const formData = Object.fromEntries(guide.body.formFields.filter((field) => field.required).map((field) => [field.key, valueFor(field)]));
    const filed = await api.post<{ caseId: string }>(`${B}/cases`, { bundleCode: 'QYKB', applicant: anApplicant(), formData });
    expect(filed.status).toBe(201);
    const { caseId } = filed.body;
    expect((await api.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' })).status).toBe(200);
    const [market, police, tax] = [await taskOf(caseId, 'SJJ'), await taskOf(caseId, 'GAJ'), await taskOf(caseId, 'GSJ')];

    // a handler of 市监局 claims the task and suspends it for an on-site inspection of the premises
    const handler = asStaff('SJJ-012', 'handler', 'SJJ');
    expect((await api.post(`${B}/tasks/${market.taskId}/claim`, undefined, handler)).body).toMatchObject({ claimedBy: 'SJJ-012' });
    expect((await api.post(`${B}/tasks/${market.taskId}/claim`, undefined, asStaff('SJJ-013', 'handler', 'SJJ'))).body).toMatchObject({
      code: 'TASK_ALREADY_CLAIMED',
    });
    const suspended = await decide(market.taskId, { decision: 'suspend', procedure: '现场勘察', reason: '核实经营场所', expectedDays: 2 }, handler);
    expect(suspended).toMatchObject({ status: 200, body: { status: 'suspended', delivery: 'not-needed' } });
    // a window clerk does not decide department tasks; staff of another department cannot even see this one
    expect((await decide(market.taskId, { decision: 'approve' }, asStaff('W-01', 'window'))).body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect((await decide(market.taskId, { decision: 'approve' }, asStaff('GAJ-001', 'handler', 'GAJ'))).status).toBe(404);

    expect((await decide(police.taskId, { decision: 'approve' }, asStaff('GAJ-001', 'handler', 'GAJ'))).body).toMatchObject({
      status: 'approved',
      delivery: 'delivered',
    });
    expect((await decide(police.taskId, { decision: 'deny', reason: '重复' })).body).toMatchObject({ code: 'TASK_NOT_PENDING' });

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
    expect((await decide(tax.taskId, { decision: 'approve' })).status).toBe(200);

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
    const { api } = running;
    const filed = await api.post<{ caseId: string }>(`${B}/cases`, aPlanningApplication());
    const { caseId } = filed.body;
    await api.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' });
    const [planning, housing] = [await taskOf(caseId, 'GTJ'), await taskOf(caseId, 'ZJJ')];
    await taskOf(caseId, 'GAJ');

    // 国土局 works as if 住建局 had approved, and approves first
    expect((await decide(planning.taskId, { decision: 'approve' })).status).toBe(200);
    const denial = await decide(housing.taskId, { decision: 'deny', reason: '人防设施不符合要求' });
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
    const { api } = running;
    const filed = await api.post<{ caseId: string }>(`${B}/cases`, aPlanningApplication('91522732MA6DLXXX2Q'));
    const { caseId } = filed.body;
    await api.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' });
    const police = await taskOf(caseId, 'GAJ');
    expect((await decide(police.taskId, { decision: 'reassign', toDeptId: 'NOPE', reason: 'x' })).body).toMatchObject({ code: 'UNKNOWN_DEPARTMENT' });
    expect((await decide(police.taskId, { decision: 'reassign', toDeptId: 'ZHZFJ', reason: '消防审验属综合执法局' })).body).toMatchObject({
      deptId: 'ZHZFJ',
      status: 'waiting',
    });
    const moved = await taskOf(caseId, 'ZHZFJ');
    expect(moved.taskId).toBe(police.taskId);
    expect((await api.get<{ tasks: { caseId: string }[] }>(`${B}/departments/GAJ/tasks`)).body.tasks.some((task) => task.caseId === caseId)).toBe(false);
  });

  it('then a serial item reaches its second department only after the first approved, and that stage counts from its arrival', async () => {
    const { api } = running;
    const filed = await api.post<{ caseId: string }>(`${B}/cases`, {
      itemCode: 'TEST-SERIAL',
      applicant: anApplicant(),
      formData: { businessName: '串联测试' },
    });
    const { caseId } = filed.body;
    await api.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' });
    const tax = await taskOf(caseId, 'DSJ');
    const waiting = await api.get<{ tasks: { caseId: string; taskId: string }[] }>(`${B}/departments/GTJ/tasks?status=waiting`);
    expect(waiting.body.tasks.some((task) => task.caseId === caseId)).toBe(true);
    expect((await decide(tax.taskId, { decision: 'approve' })).status).toBe(200);
    const registry = await taskOf(caseId, 'GTJ');
    expect((await decide(registry.taskId, { decision: 'approve' })).status).toBe(200);
    const done = await eventually(async () => {
      const view = await caseView(caseId);
      return view.status === 'completed' ? view : undefined;
    });
    const assigned = done.timeline.filter((event) => event.type === 'DepartmentTaskAssigned').map((event) => event.detail.deptId);
    expect(assigned).toEqual(['DSJ', 'GTJ']);
  });
});
