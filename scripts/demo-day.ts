/**
 * A scripted day of activity on the running local platform (`npm start`), for both sample counties:
 * 即办件 taken and completed at once, 承诺件 accepted and approved by each department's handler, one left
 * open, reviews at completion (one bad), the rectification ledger worked, a complaint closed as
 * cannot-be-fixed. Then it prints the supervision figures the counters hold.
 *
 * Usage: `npm run demo:day`. Every run adds another day's worth of activity (new applicants).
 */
import { runningLocalPlatform } from './local-platform';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON, checked by what reads them
type Json = Record<string, any>;
const platform = runningLocalPlatform();
const runTag = String(Date.now()).slice(-5);
let applicantSequence = 0;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const reply = (await response.json()) as Json;
  if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${reply.code}: ${reply.message}`);
  return reply;
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

/** A form that fits the guide: one plausible value per configured field type. */
function formFor(fields: { key: string; type: string; options?: string[]; required: boolean }[], applicant: Json): Json {
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

async function aCase(tenant: string, itemCode: string) {
  applicantSequence += 1;
  const idNumber = `${tenant}19900101${String(applicantSequence).padStart(3, '0')}`.slice(0, 17) + 'X';
  const applicant = {
    kind: 'person',
    name: `演示申请人${runTag}-${applicantSequence}`,
    idType: '居民身份证',
    idNumber,
    phone: `139${runTag.padStart(5, '0')}${String(applicantSequence).padStart(3, '0')}`,
  };
  const guide = await call('GET', `/v1/tenants/${tenant}/items/${itemCode}`);
  const created = await call('POST', `/v1/tenants/${tenant}/cases`, { itemCode, channel: 'online', applicant, formData: formFor(guide.formFields, applicant) });
  return { caseId: created.caseId as string, proof: { idType: applicant.idType, idNumber, phone: applicant.phone } };
}

async function dayFor(tenant: string) {
  const base = `/v1/tenants/${tenant}`;
  const { items } = await call('GET', `${base}/items`);
  const onTheSpot = items.filter((item: Json) => item.handlingKind === '即办件').slice(0, 2);
  const promised = items.filter((item: Json) => item.handlingKind === '承诺件' && !item.bundle).slice(0, 1);
  const levels = ['非常满意', '满意', '满意', '基本满意', '非常满意', '不满意'];
  const rectifications: string[] = [];

  for (const [index, level] of levels.entries()) {
    const item = onTheSpot[index % onTheSpot.length];
    const { caseId, proof } = await aCase(tenant, item.code);
    await call('POST', `${base}/cases/${caseId}/acceptance`, { decision: 'complete', actor: '综合窗口' });
    const review = await call('POST', `${base}/cases/${caseId}/reviews`, {
      touchpoint: 'completion',
      level,
      channel: index % 2 ? 'mobile' : 'hall_device',
      tags: ['效率'],
      applicant: proof,
    });
    if (review.rectification) rectifications.push(review.rectification.rectificationId);
  }

  for (const round of [1, 2, 3]) {
    const item = promised[0];
    const { caseId, proof } = await aCase(tenant, item.code);
    await call('POST', `${base}/cases/${caseId}/acceptance`, { decision: 'accept', actor: '综合窗口' });
    if (round === 3) continue; // left in approval: an open case on the lights
    const view = await eventually(async () => {
      const current = await call('GET', `${base}/cases/${caseId}`);
      return current.tasks?.length && current.tasks.every((task: Json) => task.status === 'pending') ? current : undefined;
    }, `tasks of ${caseId}`);
    for (const task of view.tasks) {
      await call(
        'POST',
        `${base}/tasks/${task.taskId}/decision`,
        { decision: 'approve', comment: '同意' },
        { 'x-staff-id': `${task.deptId}-01`, 'x-staff-role': 'handler', 'x-staff-dept': task.deptId },
      );
    }
    await eventually(async () => ((await call('GET', `${base}/cases/${caseId}`)).status === 'completed' ? true : undefined), `completion of ${caseId}`);
    await call('POST', `${base}/cases/${caseId}/reviews`, {
      touchpoint: 'completion',
      level: round === 1 ? '非常满意' : '满意',
      channel: 'web',
      applicant: proof,
    });
  }

  for (const id of rectifications) {
    const entry = await call('GET', `${base}/rectifications/${id}`, undefined, { 'x-staff-id': 'JC-01', 'x-staff-role': 'supervisor' });
    const owner = { 'x-staff-id': `${entry.ownerDeptId}-HEAD`, 'x-staff-role': 'department_head', 'x-staff-dept': entry.ownerDeptId };
    await call('POST', `${base}/rectifications/${id}/steps`, { step: 'verify', note: '经核实，情况属实' }, owner);
    await call('POST', `${base}/rectifications/${id}/steps`, { step: 'rectify', note: '调整窗口排班，增加高峰时段人手' }, owner);
  }
  const guide = await call('GET', `${base}/items/${promised[0].code}`);
  const complaint = await call('POST', `${base}/complaints`, { deptId: guide.leadDepartment.deptId, channel: 'hotline', content: '午休时间窗口不办理业务' });
  const complaintOwner = { 'x-staff-id': 'JC-01', 'x-staff-role': 'supervisor' };
  await call('POST', `${base}/rectifications/${complaint.rectificationId}/steps`, { step: 'verify', note: '属实' }, complaintOwner);
  await call(
    'POST',
    `${base}/rectifications/${complaint.rectificationId}/steps`,
    { step: 'close_unfixable', note: '暂无法解决', explanation: '午休轮岗需增加编制，已报县委编办' },
    complaintOwner,
  );
  return { reviews: levels.length + 2, rectifications: rectifications.length + 1 };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function print(title: string, dashboard: Json) {
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

async function main() {
  const supervisor = { 'x-staff-id': 'JC-01', 'x-staff-role': 'supervisor' };
  for (const tenant of ['522732', '630103']) {
    const before = await call('GET', `/v1/tenants/${tenant}/supervision/dashboard?window=day`, undefined, supervisor);
    const expected = await dayFor(tenant);
    console.log(`✓ ${tenant}: a day of activity filed (${expected.reviews} reviews, ${expected.rectifications} ledger entries)`);
    const after = await eventually(async () => {
      const current = await call('GET', `/v1/tenants/${tenant}/supervision/dashboard?window=day`, undefined, supervisor);
      return current.satisfaction.reviews >= before.satisfaction.reviews + expected.reviews &&
        current.rectifications.opened >= before.rectifications.opened + expected.rectifications &&
        current.rectifications.unfixable >= before.rectifications.unfixable + 1
        ? current
        : undefined;
    }, `the counters of ${tenant}`);
    print(`县级监察 ${tenant}`, after);
    const month = after.window.date.slice(0, 7);
    for (const dept of after.departments.filter((candidate: Json) => candidate.tasksDecided > 0)) {
      const figures = await call('GET', `/v1/tenants/${tenant}/staff/${dept.deptId}-01/monthly?month=${month}`, undefined, supervisor);
      console.log(
        `  月度考核 ${figures.staffId} ${month}: 办件 ${figures.casesHandled} 按时 ${figures.onTime} 评价 ${figures.reviews} 满意率 ${percent(figures.satisfactionRate)}`,
      );
    }
    print(`市级汇总 ${tenant}`, await call('GET', `/v1/tenants/${tenant}/supervision/dashboard?window=month&level=city`, undefined, supervisor));
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(2);
  },
);
