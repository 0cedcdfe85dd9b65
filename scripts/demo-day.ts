/**
 * A scripted day of activity on the running local platform (`npm start`), for both sample counties:
 * 即办件 filed and completed at once, 承诺件 accepted and approved by each department's handler, one left
 * open, reviews at completion (one bad), the rectification ledger worked by the owner department, a
 * complaint closed as cannot-be-fixed. Then it prints the supervision figures the counters hold.
 *
 * Everyone signs in through the local providers, as `npm run token` does (infra/local/sign-in.ts): the window
 * clerk, the handlers and heads and the supervisor of config/local/staff.yaml, and the real-name applicants of
 * config/local/citizens.yaml, who file online and rate their cases. A separate process cannot enrol accounts, so
 * the walk-in applicants without one (made up per run) are taken at the window and do not rate.
 *
 * Usage: `npm run demo:day` (`-- --help` for this text). Data directory: TONGBAN_DATA_DIR (default .data), as for
 * `npm start`. Every run adds another day's worth of activity. Exit codes: 0 done; 2 bad arguments, no running
 * platform, or a step refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTenantConfigText } from '../functions/catalogue/domain/tenant-config/index';
import { environmentNames } from '../functions/shared/environment-names';
import { type CitizenAccount, citizenDirectory, type StaffAccount, staffDirectory } from '../infra/local/identity-accounts';
import { signInCitizen, signInStaff } from '../infra/local/sign-in';
import { createClient, expectData, type RequestBody, type Schema, type TongbanClient } from './api/client';
import { runningLocalPlatform } from './local-platform';

const usage = [
  '用法 / usage: npm run demo:day [-- --help]',
  '',
  '在运行中的本地平台（npm start）上模拟两个样例县一天的办件、评价、整改与督查。',
  'Drives a day of cases, reviews, rectifications and supervision on the running local platform (npm start)',
  'for both sample counties, signed in through the local providers (config/local/staff.yaml, citizens.yaml).',
  'Data directory: TONGBAN_DATA_DIR (default .data), the one npm start uses.',
].join('\n');

const TENANTS = ['522732', '630103'] as const;
const dataDir = process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data');
const runTag = String(Date.now()).slice(-5);
let baseUrl = '';
let walkInSequence = 0;

/** Someone signed in: a member of staff (county and 工号) or a real-name citizen (phone). */
type Caller = { readonly staff: StaffAccount } | { readonly citizen: CitizenAccount };

/** One sign-in per account and run: each sends a code to the outbox, and the ID token lasts an hour. */
const tokens = new Map<string, Promise<string>>();
function tokenOf(caller: Caller): Promise<string> {
  const key = 'staff' in caller ? `staff|${caller.staff.tenantId}|${caller.staff.staffId}` : `citizen|${caller.citizen.phone}`;
  let token = tokens.get(key);
  if (!token) {
    token =
      'staff' in caller
        ? signInStaff({ dataDir, tenantId: caller.staff.tenantId, staffId: caller.staff.staffId })
        : signInCitizen({ dataDir, phone: caller.citizen.phone });
    tokens.set(key, token);
  }
  return token;
}

/** The typed client (scripts/api/client.ts) of a caller, signed in; the public one without a caller. */
async function apiOf(caller?: Caller): Promise<TongbanClient> {
  return createClient({ baseUrl, ...(caller ? { token: await tokenOf(caller) } : {}) });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await pause(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Guide = Schema<'ItemGuide'>;
type ItemSummary = Schema<'ItemSummary'>;
type Applicant = ReturnType<typeof applicantOf>;

/** A form that fits the guide: one plausible value per configured field type. */
function formFor(fields: Guide['formFields'], applicant: Pick<Applicant, 'idNumber' | 'phone'>): Record<string, unknown> {
  const values: Record<string, (field: { options?: string[] }) => unknown> = {
    text: () => '演示数据',
    number: () => 1,
    boolean: () => true,
    date: () => new Date().toISOString().slice(0, 10),
    select: (field) => field.options?.[0],
    idNumber: () => applicant.idNumber,
    phone: () => applicant.phone,
  };
  return Object.fromEntries(fields.map((field) => [field.key, values[field.type]?.(field) ?? '演示数据']));
}

/** The people of one county who sign in: its staff accounts by role and department, and its real-name applicants. */
function countyPeople(tenant: string) {
  const staff = [...staffDirectory().values()].filter((account) => account.tenantId === tenant);
  const withRole = (role: StaffAccount['role'], deptId?: string) => staff.find((account) => account.role === role && (!deptId || account.deptId === deptId));
  const required = (account: StaffAccount | undefined, what: string): StaffAccount => {
    if (!account) throw new Error(`config/local/staff.yaml has no ${what} for ${tenant}`);
    return account;
  };
  // the county's residents (the demo's items are for people: their forms ask for a 居民身份证 number), by the division code of their ID
  const citizens = [...citizenDirectory().values()].filter((account) => account.subjectType === 'person' && account.idNumber.startsWith(tenant));
  if (citizens.length === 0) throw new Error(`config/local/citizens.yaml has no real-name resident of ${tenant}`);
  const departments = new Map<string, readonly string[]>();
  const file = join(__dirname, '..', 'config', 'tenants', `${tenant}.yaml`);
  const parsed = parseTenantConfigText(readFileSync(file, 'utf8'), file);
  if (parsed.ok) for (const department of parsed.config.departments) departments.set(department.deptId, department.windowIds);
  return {
    clerk: required(withRole('window'), 'window clerk'),
    supervisor: required(withRole('supervisor'), 'supervisor'),
    citizens,
    /** Who decides a department's tasks: a handler of it, else its head. */
    handlerOf: (deptId: string) => withRole('handler', deptId) ?? withRole('department_head', deptId),
    /** Who works a department's ledger entries: its head, else a handler of it. */
    ownerOf: (deptId: string) => withRole('department_head', deptId) ?? withRole('handler', deptId),
    windowOf: (deptId: string) => departments.get(deptId)?.[0] ?? [...departments.values()].flat()[0] ?? 'ZH-01',
  };
}

type County = ReturnType<typeof countyPeople>;

const applicantOf = (citizen: CitizenAccount) => ({
  kind: citizen.subjectType,
  name: citizen.name,
  idType: citizen.idType,
  idNumber: citizen.idNumber,
  phone: citizen.phone,
});

/** The guide (办事指南) of an item. */
async function guideOf(tenant: string, itemCode: string): Promise<Guide> {
  const api = await apiOf();
  return expectData(
    `GET /v1/tenants/${tenant}/items/${itemCode}`,
    await api.GET('/v1/tenants/{tenantId}/items/{itemCode}', { params: { path: { tenantId: tenant, itemCode } } }),
  );
}

/** A case filed online by a real-name applicant in their own name. */
async function anOnlineCase(tenant: string, item: ItemSummary, citizen: CitizenAccount) {
  const applicant = applicantOf(citizen);
  const guide = await guideOf(tenant, item.code);
  const api = await apiOf({ citizen });
  const created = expectData(
    `POST /v1/tenants/${tenant}/cases`,
    await api.POST('/v1/tenants/{tenantId}/cases', {
      params: { path: { tenantId: tenant } },
      body: { itemCode: item.code, applicant, formData: formFor(guide.formFields, applicant) },
    }),
  );
  return created.caseId;
}

/** A case the window clerk takes for a walk-in applicant without an account (made up for this run). */
async function aWalkInCase(tenant: string, item: ItemSummary, county: County) {
  walkInSequence += 1;
  const idNumber = `${tenant}19900101${String(walkInSequence).padStart(3, '0')}`.slice(0, 17) + 'X';
  const applicant = {
    kind: 'person' as const,
    name: `演示申请人${runTag}-${walkInSequence}`,
    idType: '居民身份证' as const,
    idNumber,
    phone: `139${runTag.padStart(5, '0')}${String(walkInSequence).padStart(3, '0')}`,
  };
  const guide = await guideOf(tenant, item.code);
  const api = await apiOf({ staff: county.clerk });
  const created = expectData(
    `POST /v1/tenants/${tenant}/workbench/cases`,
    await api.POST('/v1/tenants/{tenantId}/workbench/cases', {
      params: { path: { tenantId: tenant } },
      body: {
        itemCode: item.code,
        applicant,
        formData: formFor(guide.formFields, applicant),
        window: { windowId: county.windowOf(guide.leadDepartment?.deptId ?? '') },
      },
    }),
  );
  return created.caseId;
}

async function dayFor(tenant: string, county: County) {
  const path = { tenantId: tenant };
  const base = `/v1/tenants/${tenant}`;
  const clerk = await apiOf({ staff: county.clerk });
  const supervisor = await apiOf({ staff: county.supervisor });
  const { items } = expectData(`GET ${base}/items`, await (await apiOf()).GET('/v1/tenants/{tenantId}/items', { params: { path } }));
  const guides = await Promise.all(items.map((item) => guideOf(tenant, item.code)));
  const byCode = new Map(guides.map((guide) => [guide.code, guide]));
  // items whose departments all have someone to sign in: a handler decides their tasks, an owner works their ledger
  const staffed = (item: ItemSummary) => {
    const departments = byCode.get(item.code)?.approval.departments ?? [];
    return departments.length > 0 && departments.every((department) => county.handlerOf(department.deptId));
  };
  const workable = items.filter(staffed);
  const onTheSpot = workable.filter((item) => item.handlingKind === '即办件').slice(0, 2);
  const promised = workable.filter((item) => item.handlingKind === '承诺件').slice(0, 1);
  if (onTheSpot.length === 0 || promised.length === 0) throw new Error(`${tenant}: no 即办件 or 承诺件 whose departments have staff accounts`);
  const levels = ['非常满意', '满意', '满意', '基本满意', '非常满意', '不满意'] as const;
  const rectifications: string[] = [];
  const citizenFor = (index: number) => county.citizens[index % county.citizens.length] as CitizenAccount;
  const decideAcceptance = async (caseId: string, decision: 'complete' | 'accept') =>
    expectData(
      `POST ${base}/cases/${caseId}/acceptance`,
      await clerk.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', { params: { path: { ...path, caseId } }, body: { decision } }),
    );

  // the applicants with accounts file online, are completed at once and rate the completion
  for (const [index, level] of levels.entries()) {
    const item = onTheSpot[index % onTheSpot.length] as ItemSummary;
    const citizen = citizenFor(index);
    const caseId = await anOnlineCase(tenant, item, citizen);
    await decideAcceptance(caseId, 'complete');
    const review = expectData(
      `POST ${base}/cases/${caseId}/reviews`,
      await (
        await apiOf({ citizen })
      ).POST('/v1/tenants/{tenantId}/cases/{caseId}/reviews', {
        params: { path: { ...path, caseId } },
        body: { touchpoint: 'completion', level, channel: index % 2 ? 'mobile' : 'hall_device', tags: ['效率'] },
      }),
    );
    if (review.rectification) rectifications.push(review.rectification.rectificationId);
  }
  // walk-ins at the window, completed on the spot
  for (const item of onTheSpot) {
    const caseId = await aWalkInCase(tenant, item, county);
    await decideAcceptance(caseId, 'complete');
  }

  const deciders = new Map<string, StaffAccount>();
  for (const round of [1, 2, 3]) {
    const item = promised[0] as ItemSummary;
    // the third is a walk-in's, left in approval: an open case on the lights
    const citizen = citizenFor(round);
    const caseId = round === 3 ? await aWalkInCase(tenant, item, county) : await anOnlineCase(tenant, item, citizen);
    await decideAcceptance(caseId, 'accept');
    if (round === 3) continue;
    const view = await eventually(async () => {
      const current = expectData(
        `GET ${base}/workbench/cases/${caseId}`,
        await clerk.GET('/v1/tenants/{tenantId}/workbench/cases/{caseId}', { params: { path: { ...path, caseId } } }),
      );
      return current.tasks.length && current.tasks.every((task) => task.status === 'pending') ? current : undefined;
    }, `tasks of ${caseId}`);
    for (const task of view.tasks) {
      const handler = county.handlerOf(task.deptId) as StaffAccount;
      deciders.set(task.deptId, handler);
      expectData(
        `POST ${base}/tasks/${task.taskId}/decision`,
        await (
          await apiOf({ staff: handler })
        ).POST('/v1/tenants/{tenantId}/tasks/{taskId}/decision', {
          params: { path: { ...path, taskId: task.taskId } },
          body: { decision: 'approve', comment: '同意' },
        }),
      );
    }
    const applicant = await apiOf({ citizen });
    await eventually(async () => {
      const current = expectData(
        `GET ${base}/cases/${caseId}`,
        await applicant.GET('/v1/tenants/{tenantId}/cases/{caseId}', { params: { path: { ...path, caseId } } }),
      );
      return current.status === 'completed' ? true : undefined;
    }, `completion of ${caseId}`);
    expectData(
      `POST ${base}/cases/${caseId}/reviews`,
      await applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/reviews', {
        params: { path: { ...path, caseId } },
        body: { touchpoint: 'completion', level: round === 1 ? '非常满意' : '满意', channel: 'web' },
      }),
    );
  }

  // the ledger is worked by the owner department (the supervision office reads it, records no step)
  const recordStep = async (owner: StaffAccount, rectificationId: string, body: RequestBody<'RecordRectificationStep'>) =>
    expectData(
      `POST ${base}/rectifications/${rectificationId}/steps`,
      await (
        await apiOf({ staff: owner })
      ).POST('/v1/tenants/{tenantId}/rectifications/{rectificationId}/steps', { params: { path: { ...path, rectificationId } }, body }),
    );
  for (const id of rectifications) {
    const entry = expectData(
      `GET ${base}/rectifications/${id}`,
      await supervisor.GET('/v1/tenants/{tenantId}/rectifications/{rectificationId}', { params: { path: { ...path, rectificationId: id } } }),
    );
    const owner = county.ownerOf(entry.ownerDeptId) as StaffAccount;
    await recordStep(owner, id, { step: 'verify', note: '经核实，情况属实' });
    await recordStep(owner, id, { step: 'rectify', note: '调整窗口排班，增加高峰时段人手' });
  }
  const guide = byCode.get((promised[0] as ItemSummary).code) as Guide;
  const complaint = expectData(
    `POST ${base}/complaints`,
    await (
      await apiOf()
    ).POST('/v1/tenants/{tenantId}/complaints', {
      params: { path },
      body: { deptId: guide.leadDepartment?.deptId, channel: 'hotline', content: '午休时间窗口不办理业务' },
    }),
  );
  const complaintOwner = county.ownerOf(complaint.ownerDeptId) as StaffAccount;
  await recordStep(complaintOwner, complaint.rectificationId, { step: 'verify', note: '属实' });
  await recordStep(complaintOwner, complaint.rectificationId, { step: 'close_unfixable', note: '暂无法解决', explanation: '午休轮岗需增加编制，已报县委编办' });
  return { reviews: levels.length + 2, rectifications: rectifications.length + 1, deciders };
}

type Dashboard = Schema<'SupervisionDashboard'>;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function print(title: string, dashboard: Dashboard) {
  console.log(`\n== ${title} (${dashboard.scope.level} ${dashboard.scope.divisionCode}, ${dashboard.window.kind} ${dashboard.window.period}) ==`);
  const lights = dashboard.casesByLight;
  console.log(`办件亮灯 open ${lights.open}: 绿 ${lights.green} 黄 ${lights.yellow} 红 ${lights.red} 挂起 ${lights.suspended}`);
  const cases = dashboard.cases;
  console.log(
    `受理 ${cases.accepted} 办结 ${cases.finished} 按时 ${cases.onTime} (${percent(cases.onTimeRate)}) 平均用时 ${cases.averageHandlingWorkingDays ?? '—'} / 承诺 ${cases.averagePromisedWorkingDays ?? '—'} 工作日`,
  );
  const satisfaction = dashboard.satisfaction;
  console.log(`评价 ${satisfaction.reviews} 满意率 ${percent(satisfaction.satisfactionRate)} ${JSON.stringify(satisfaction.distribution)}`);
  const rect = dashboard.rectifications;
  console.log(`整改 立项 ${rect.opened} (投诉 ${rect.complaints}) 销号 ${rect.closed} 无法整改 ${rect.unfixable} 在办 ${rect.open}`);
  for (const dept of dashboard.departments)
    console.log(
      `  部门 ${dept.deptId}: 审批 ${dept.tasksDecided} 按时率 ${percent(dept.onTimeRate)} 评价 ${dept.satisfaction.reviews} 满意率 ${percent(dept.satisfaction.satisfactionRate)} 在办整改 ${dept.rectificationsOpenNow}`,
    );
  for (const item of dashboard.items)
    console.log(
      `  事项 ${item.itemCode}: 办结 ${item.finished} 按时率 ${percent(item.onTimeRate)} 平均 ${item.averageHandlingWorkingDays ?? '—'}/${item.averagePromisedWorkingDays ?? '—'} 工作日 评价 ${item.satisfaction.reviews}`,
    );
  console.log(`  (read ${dashboard.readCost.itemsRead} items, ${dashboard.readCost.readCapacityUnits} RCU)`);
}

/** The county dashboard of the day, or the city roll-up of the month, as the supervisor reads it. */
async function dashboardOf(supervisor: TongbanClient, tenant: string, query: { window: 'day' } | { window: 'month'; level: 'city' }): Promise<Dashboard> {
  const what = `GET /v1/tenants/${tenant}/supervision/dashboard?${new URLSearchParams(query)}`;
  return expectData(what, await supervisor.GET('/v1/tenants/{tenantId}/supervision/dashboard', { params: { path: { tenantId: tenant }, query } }));
}

async function main(): Promise<number> {
  let help: boolean | undefined;
  try {
    help = parseArgs({ args: process.argv.slice(2), options: { help: { type: 'boolean', short: 'h' } }, strict: true }).values.help;
  } catch (error) {
    console.error(`✗ 参数有误 / Bad arguments: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (help) {
    console.log(usage);
    return 0;
  }
  baseUrl = runningLocalPlatform().url as string;
  for (const tenant of TENANTS) {
    const county = countyPeople(tenant);
    const supervisor = await apiOf({ staff: county.supervisor });
    const before = await dashboardOf(supervisor, tenant, { window: 'day' });
    const expected = await dayFor(tenant, county);
    console.log(`✓ ${tenant}: a day of activity filed (${expected.reviews} reviews, ${expected.rectifications} ledger entries)`);
    const after = await eventually(async () => {
      const current = await dashboardOf(supervisor, tenant, { window: 'day' });
      return current.satisfaction.reviews >= before.satisfaction.reviews + expected.reviews &&
        current.rectifications.opened >= before.rectifications.opened + expected.rectifications &&
        current.rectifications.unfixable >= before.rectifications.unfixable + 1
        ? current
        : undefined;
    }, `the counters of ${tenant}`);
    print(`县级监察 ${tenant}`, after);
    const month = after.window.date.slice(0, 7);
    for (const dept of after.departments.filter((candidate) => candidate.tasksDecided > 0)) {
      const handler = expected.deciders.get(dept.deptId) ?? county.handlerOf(dept.deptId);
      if (!handler) continue;
      const figures = expectData(
        `GET /v1/tenants/${tenant}/staff/${handler.staffId}/monthly?month=${month}`,
        await supervisor.GET('/v1/tenants/{tenantId}/staff/{staffId}/monthly', {
          params: { path: { tenantId: tenant, staffId: handler.staffId }, query: { month } },
        }),
      );
      console.log(
        `  月度考核 ${figures.staffId} ${month}: 办件 ${figures.casesHandled} 按时 ${figures.onTime} 评价 ${figures.reviews} 满意率 ${percent(figures.satisfactionRate)}`,
      );
    }
    print(`市级汇总 ${tenant}`, await dashboardOf(supervisor, tenant, { window: 'month', level: 'city' }));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(2);
  },
);
