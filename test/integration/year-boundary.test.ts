import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_CLOCK_OFFSET_VARIABLE } from '../../functions/shared/runtime';
import { anApplicant } from '../support/fixtures';
import { aPlatformForThisFile, applicantApi, eventually, repositoryRoot, staffApi } from './support/platform';

type Field = { key: string; type: string; required: boolean; options?: string[] };
type TimelineEvent = { type: string; at: string; detail: Record<string, unknown> };
type TaskView = {
  taskId: string;
  deptId: string;
  stageDeadline?: string;
  light: string;
  provisional: boolean;
  escalation?: { level: number; supervisionDeadline?: string };
};
type CaseView = {
  status: string;
  clock: { promisedDeadline: string | null; light: string; provisional: boolean; provisionalNote?: string; alerts: { code: string; year: number }[] };
  tasks: TaskView[];
  timeline: TimelineEvent[];
};

const B = '/v1/tenants/522732';
/** 最低生活保障审批 in 三都: 20 working days, one department (民政局) with a 20-day stage. */
const ITEM = 'MSBZ-0001';
const tsx = join(repositoryRoot, 'node_modules', '.bin', 'tsx');
const testNotice = join(repositoryRoot, 'test', 'fixtures', 'calendar-2027-year-boundary-notice.json');

const valueFor = (field: Field): unknown =>
  ({ number: 1, date: '2026-11-20', select: field.options?.[0], idNumber: '52273219900101002X', phone: '13800000000', boolean: true })[field.type] ??
  `${field.key}-值`;

describe('given the holiday notice for 2027 is not out yet (the loaded calendar ends on 2026-12-31)', () => {
  const running = aPlatformForThisFile();
  /** The case as the window clerk follows it on the workbench. */
  const caseView = async (caseId: string) =>
    (await staffApi(running, '522732', 'CK-01')).get<CaseView>(`${B}/workbench/cases/${caseId}`).then((reply) => reply.body);
  /** Moves the platform's clock to an instant, wherever the real clock is. */
  const setClockTo = (iso: string) => running.platform.advanceClock(Date.parse(iso) - (Date.now() + Number(process.env[LOCAL_CLOCK_OFFSET_VARIABLE] ?? 0)));
  const loadNotice = (file: string) =>
    spawnSync(tsx, [join(repositoryRoot, 'scripts', 'calendar-load.ts'), file, '--by', 'ops-test', '--reason', '测试：2027年通知'], {
      env: { ...process.env, TONGBAN_DATA_DIR: running.dataDir },
      encoding: 'utf8',
    });

  it('then the deadline route counts into 2027 on the statutory holidays and says the result is provisional', async () => {
    const reply = await running.api.get<Record<string, unknown>>(`${B}/calendar/deadline?start=2026-12-15T10:00:00%2B08:00&days=20`);
    // 12 working days left in December 2026, 元旦 (Fri 1 Jan) off, then 4–8 and 11–13 January
    expect(reply).toMatchObject({
      status: 200,
      body: { deadline: '2027-01-13T23:59:59+08:00', provisional: true, provisionalNote: '节假日安排尚未公布，期限按法定节假日暂算，公布后自动重算' },
    });
    const beyond = await running.api.get<Record<string, unknown>>(`${B}/calendar/deadline?start=2028-12-15T10:00:00%2B08:00&days=20`);
    expect(beyond).toMatchObject({ status: 422, body: { code: 'CALENDAR_NOT_AVAILABLE' } });
  });

  it('then a case accepted on 2026-12-15 gets a provisional deadline, escalates on provisional days, and is recomputed when the notice is loaded', async () => {
    const { api } = running;
    setClockTo('2026-12-15T10:00:00+08:00');
    const guide = await api.get<{ formFields: Field[] }>(`${B}/items/${ITEM}`);
    const formData = Object.fromEntries(guide.body.formFields.filter((field) => field.required).map((field) => [field.key, valueFor(field)]));
    const filed = await (
      await applicantApi(running, anApplicant())
    ).post<{ caseId: string }>(`${B}/cases`, { itemCode: ITEM, applicant: anApplicant(), formData });
    expect(filed.status).toBe(201);
    const { caseId } = filed.body;
    expect((await (await staffApi(running, '522732', 'CK-01')).post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' })).status).toBe(200);

    const accepted = await eventually(async () => {
      const view = await caseView(caseId);
      return view.tasks[0]?.stageDeadline && view.timeline.some((event) => event.type === 'DepartmentTaskAssigned') ? view : undefined;
    });
    expect(accepted.clock).toMatchObject({
      promisedDeadline: '2027-01-13T23:59:59+08:00',
      light: 'green',
      provisional: true,
      provisionalNote: '节假日安排尚未公布，期限按法定节假日暂算，公布后自动重算',
    });
    expect(accepted.clock.alerts).toContainEqual(expect.objectContaining({ code: 'CALENDAR_PROVISIONAL', year: 2027 }));
    expect(accepted.tasks[0]).toMatchObject({ deptId: 'MZJ', stageDeadline: '2027-01-13T23:59:59+08:00', provisional: true });

    // the working day before the provisional deadline: the stage turns yellow and the ladder's first rung fires
    setClockTo('2027-01-12T10:00:00+08:00');
    const yellow = await eventually(async () => {
      const view = await caseView(caseId);
      return view.timeline.some((event) => event.type === 'DepartmentTaskEscalated' && event.detail.light === 'yellow') ? view : undefined;
    }, 30_000);
    expect(yellow.tasks[0]).toMatchObject({ light: 'yellow', escalation: { level: 1 } });
    const reissuedBefore = yellow.timeline.filter((event) => event.type === 'DepartmentTaskReissued').length;

    // the State Council notice arrives: in this test arrangement 元旦 runs to Monday 4 January
    const load = loadNotice(testNotice);
    expect(load.status).toBe(0);
    const recomputed = await eventually(async () => {
      const view = await caseView(caseId);
      const recomputedEvents = view.timeline.filter((event) => event.type === 'DeadlineRecomputed');
      const rewaited = view.timeline.filter((event) => event.type === 'DepartmentTaskReissued').length > reissuedBefore;
      return recomputedEvents.length >= 2 && rewaited ? view : undefined;
    }, 60_000);
    expect(recomputed.clock).toMatchObject({ promisedDeadline: '2027-01-14T23:59:59+08:00', provisional: false });
    expect(recomputed.clock.alerts.some((alert) => alert.code === 'CALENDAR_PROVISIONAL')).toBe(false);
    expect(recomputed.tasks[0]).toMatchObject({ stageDeadline: '2027-01-14T23:59:59+08:00', provisional: false });
    const changes = recomputed.timeline.filter((event) => event.type === 'DeadlineRecomputed').map((event) => event.detail);
    expect(changes).toContainEqual(
      expect.objectContaining({
        subject: 'case',
        field: 'promisedDeadline',
        before: '2027-01-13T23:59:59+08:00',
        after: '2027-01-14T23:59:59+08:00',
        moved: 'later',
        provisional: false,
        year: 2027,
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        subject: 'task',
        field: 'stageDeadline',
        deptId: 'MZJ',
        before: '2027-01-13T23:59:59+08:00',
        after: '2027-01-14T23:59:59+08:00',
      }),
    );

    // the changes are in the audit trail with before and after
    const supervisor = await staffApi(running, '522732', 'JC-001');
    const audit = await eventually(async () => {
      const reply = await supervisor.get<{ records: { action: string; before?: unknown; after?: unknown }[] }>(`${B}/audit?caseId=${caseId}`);
      const found = reply.body.records?.filter((record) => record.action === 'DeadlineRecomputed') ?? [];
      return found.length >= 2 ? found : undefined;
    }, 30_000);
    expect(audit.length).toBeGreaterThanOrEqual(2);

    // the ladder keeps counting on the official days: past the new deadline the stage goes red to the county 督办
    setClockTo('2027-01-15T10:00:00+08:00');
    const red = await eventually(async () => {
      const view = await caseView(caseId);
      return view.tasks[0]?.escalation?.level === 2 ? view : undefined;
    }, 30_000);
    // three working days from Friday 15 January: 18, 19, 20 January
    expect(red.tasks[0]).toMatchObject({ light: 'red', escalation: { level: 2, supervisionDeadline: '2027-01-20T23:59:59+08:00' } });

    // a second load of the same notice changes nothing and recomputes nothing
    expect(loadNotice(testNotice).status).toBe(0);
    const after = await caseView(caseId);
    expect(after.timeline.filter((event) => event.type === 'DeadlineRecomputed')).toHaveLength(changes.length);
  });
});
