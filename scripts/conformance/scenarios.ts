/**
 * The scenarios: real cases of a real item, filed, decided and rated over HTTP by the callers the options name, each
 * rule judged only by what the API answers. A rule whose callers or preconditions are missing, or that needs time to
 * pass on a deployment without a drill, is SKIP with the reason; nothing is assumed to have passed.
 */
import { expectData, type RequestBody, type Schema, type TongbanClient } from '../api/client';
import type { Callers } from './callers';
import type { LocalDrill } from './drill';
import { check, type Report, skip } from './report';
import { eventually, expectRefusal, formFor, settle, shanghaiDate, type WorkingDays } from './support';

type Guide = Schema<'ItemGuide'>;
type CaseView = Schema<'CaseView'>;
type FiledCase = Schema<'FiledCase'>;
type ReviewReceipt = Schema<'ReviewReceipt'>;

export interface SuiteContext {
  readonly tenantId: string;
  readonly guide: Guide;
  readonly callers: Callers;
  readonly calendar: WorkingDays;
  readonly report: Report;
  readonly timeoutMs: number;
  readonly drill?: LocalDrill;
  readonly deemedCaseId?: string;
}

/** What one scenario leaves for the next. */
interface SuiteState {
  supplementCase?: { caseId: string; receivedAt: string; noticeDeadline: string | null };
  undecidedCase?: FiledCase;
  parallelCase?: { caseId: string; last: string };
  completedCase?: string;
  deniedCase?: string;
  badReview?: ReviewReceipt;
}

const MARK = '合规性测试 conformance';

const needs = (what: Record<string, unknown>): void => {
  const missing = Object.entries(what)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length > 0) skip(`needs ${missing.join(', ')}, not given`);
};

/** The departments of the item's parallel approval, and which of them the scenarios leave last and deny with. */
function departmentPlan(guide: Guide) {
  const departments = guide.approval.departments;
  const prerequisites = new Set(departments.flatMap((department) => department.prerequisites));
  const lead = departments.find((department) => department.lead)?.deptId ?? departments[0]?.deptId;
  // left last: a prerequisite of another department if there is one (默认前置条件批准: the others approve before it)
  const last = departments.find((department) => prerequisites.has(department.deptId))?.deptId ?? departments.find((department) => !department.lead)?.deptId;
  // denies: a department nobody presumes and not the lead, so its denial is its own
  const denier =
    departments.find((department) => !department.lead && !prerequisites.has(department.deptId))?.deptId ??
    departments.find((department) => !department.lead)?.deptId;
  return {
    ids: departments.map((department) => department.deptId),
    lead,
    last,
    denier,
    presumedBy: (deptId: string) => departments.filter((d) => d.prerequisites.includes(deptId)).map((d) => d.deptId),
  };
}

export async function runScenarios(context: SuiteContext): Promise<void> {
  const { tenantId, guide, callers, calendar, report, timeoutMs } = context;
  const state: SuiteState = {};
  const plan = departmentPlan(guide);
  const citizen = callers.citizen?.api;
  const window = callers.window;
  const handlerOf = (deptId: string | undefined) => (deptId ? callers.handlers.get(deptId) : undefined);
  const path = { tenantId };
  const missingHandlers = () => plan.ids.filter((deptId) => !callers.handlers.has(deptId));
  const needHandlers = () => {
    const missing = missingHandlers();
    if (missing.length > 0) skip(`needs a handler token of ${missing.join(', ')} (--handler-token DEPT=JWT)`);
  };

  const fileOnline = async (): Promise<FiledCase> => {
    const applicant = callers.citizen?.applicant;
    if (!citizen || !applicant) skip('needs a citizen token and the applicant it belongs to');
    return expectData(
      `the citizen filing ${guide.code} online`,
      await citizen.POST('/v1/tenants/{tenantId}/cases', {
        params: { path },
        body: { itemCode: guide.code, applicant, formData: formFor(guide, applicant) },
      }),
    );
  };
  const staffView = async (caseId: string): Promise<CaseView> =>
    expectData(
      `the window reading case ${caseId}`,
      await (window as TongbanClient).GET('/v1/tenants/{tenantId}/workbench/cases/{caseId}', { params: { path: { ...path, caseId } } }),
    );
  const decideAcceptance = (caseId: string, body: RequestBody<'DecideAcceptance'>) =>
    (window as TongbanClient).POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', { params: { path: { ...path, caseId } }, body });
  const decideTask = (deptId: string, taskId: string, body: RequestBody<'DecideTask'>) =>
    (handlerOf(deptId) as TongbanClient).POST('/v1/tenants/{tenantId}/tasks/{taskId}/decision', { params: { path: { ...path, taskId } }, body });
  const taskOf = (view: CaseView, deptId: string) => view.tasks.find((task) => task.deptId === deptId);
  /** Accepts a fresh case and waits until every department has its pending task. */
  const acceptedWithPendingTasks = async (caseId: string): Promise<{ accepted: Schema<'AcceptanceOutcome'>; view: CaseView }> => {
    const accepted = expectData(`the window accepting ${caseId}`, await decideAcceptance(caseId, { decision: 'accept' }));
    check(accepted.status === 'in_approval', `accepting ${caseId} answered status ${accepted.status}, not in_approval`);
    const view = await eventually(`every department of ${caseId} holding a pending task`, timeoutMs, async () => {
      const current = await staffView(caseId);
      const statuses = current.tasks.map((task) => `${task.deptId}:${task.status}`).join(' ');
      const ready = current.tasks.length === plan.ids.length && current.tasks.every((task) => task.status === 'pending');
      return { ...(ready ? { value: current } : {}), seen: statuses || 'no tasks' };
    });
    return { accepted, view };
  };

  // the case the deemed-acceptance rule needs is filed first, so its notice window is running while the others are worked
  const undecided = citizen && window ? await fileOnline().catch(() => undefined) : undefined;
  if (undecided) state.undecidedCase = undecided;

  await report.evaluate('oneTimeNotice', async () => {
    needs({ 'a citizen token': citizen, 'a window token': window });
    const filed = await fileOnline();
    const materials = guide.materials.slice(0, 2);
    check(materials.length > 0, `${guide.code} lists no materials a notice could name`);
    const items = materials.map((material) => ({ materialId: material.id, reason: `${MARK}：${material.name}不符合法定形式` }));
    const notice = expectData('the one-time notice', await decideAcceptance(filed.caseId, { decision: 'supplement', items }));
    check(notice.status === 'supplement_requested' && notice.notice.kind === 'supplement', `the notice answered ${notice.status}/${notice.notice.kind}`);
    const listed = (notice.notice.items ?? []).map((item) => item.materialId);
    check(
      items.every((item) => listed.includes(item.materialId)),
      `the notice lists ${listed.join('、') || 'nothing'}, not everything asked at once (${items.map((item) => item.materialId).join('、')})`,
    );
    const resubmitted = expectData(
      'the applicant resubmitting',
      await (citizen as TongbanClient).POST('/v1/tenants/{tenantId}/cases/{caseId}/resubmission', {
        params: { path: { ...path, caseId: filed.caseId } },
        body: {},
      }),
    );
    check(resubmitted.status === 'submitted', `the resubmission answered ${resubmitted.status}`);
    state.supplementCase = { caseId: filed.caseId, receivedAt: resubmitted.receivedAt, noticeDeadline: resubmitted.noticeDeadline };
    const refused = expectRefusal(
      'a second notice for the same case',
      await decideAcceptance(filed.caseId, { decision: 'supplement', items: items.slice(0, 1) }),
      409,
      'SUPPLEMENT_ALREADY_NOTIFIED',
    );
    const view = await staffView(filed.caseId);
    const notices = view.notices.filter((written) => written.kind === 'supplement');
    check(notices.length === 1, `case ${filed.caseId} carries ${notices.length} supplement notices`);
    check(view.status === 'submitted', `after the refused second notice the case is ${view.status}`);
    return `case ${filed.caseId}: one notice (${notice.notice.noticeNo}) listed ${listed.join('、')} at once; after the resubmission a second notice was refused ${refused}, and the case keeps one`;
  });

  await report.evaluate('noticeWindow', async () => {
    needs({ 'a citizen token': citizen, 'a window token': window });
    const filed = state.undecidedCase ?? skip('the application for it could not be filed');
    const days = guide.noticeDays;
    const expected = await calendar.deadline(filed.createdAt, days);
    check(
      filed.noticeDeadline === expected,
      `filing ${filed.caseId} at ${filed.createdAt} answered noticeDeadline ${filed.noticeDeadline}; the ${days}th working day after is ${expected}`,
    );
    check(/T23:59:59\+08:00$/.test(expected), `the deadline ${expected} is not the end of a working day in Beijing time`);
    const view = await staffView(filed.caseId);
    check(view.clock.noticeDeadline === expected, `the case view shows noticeDeadline ${view.clock.noticeDeadline}, the filing ${expected}`);
    const restart = state.supplementCase;
    let restarted = '';
    if (restart) {
      const again = await calendar.deadline(restart.receivedAt, days);
      check(
        restart.noticeDeadline === again,
        `the resubmission at ${restart.receivedAt} answered noticeDeadline ${restart.noticeDeadline}; counted from it, ${again}`,
      );
      const resubmittedView = await staffView(restart.caseId);
      check(
        resubmittedView.clock.noticeDeadline === again,
        `after the resubmission case ${restart.caseId} shows noticeDeadline ${resubmittedView.clock.noticeDeadline}, while the resubmission answered ${again} (counted from the new receipt)`,
      );
      restarted = `; a resubmission restarts it (${restart.receivedAt} → ${again})`;
    }
    return `case ${filed.caseId} filed ${filed.createdAt}: noticeDeadline ${expected}, the end of the ${days}th working day on the county's calendar${restarted}`;
  });

  await report.evaluate('parallelApproval', async () => {
    needs({ 'a citizen token': citizen, 'a window token': window });
    if (guide.approval.mode !== 'parallel' || plan.ids.length < 2) skip(`${guide.code} is not approved in parallel by several departments (--item)`);
    needHandlers();
    const filed = await fileOnline();
    const { view } = await acceptedWithPendingTasks(filed.caseId);
    const lead = view.tasks.find((task) => task.lead)?.deptId;
    check(lead === plan.lead, `the case's lead department is ${lead}, the guide's ${plan.lead}`);
    for (const deptId of plan.ids) {
      const listed = expectData(
        `${deptId}'s pending tasks`,
        await (handlerOf(deptId) as TongbanClient).GET('/v1/tenants/{tenantId}/departments/{deptId}/tasks', {
          params: { path: { ...path, deptId }, query: { status: 'pending', limit: 100 } },
        }),
      );
      check(
        listed.tasks.some((task) => task.caseId === filed.caseId),
        `${deptId}'s queue of pending tasks does not hold case ${filed.caseId} while the case shows its task pending`,
      );
    }
    state.parallelCase = { caseId: filed.caseId, last: plan.last as string };
    return `case ${filed.caseId}: ${plan.ids.map((deptId) => (deptId === lead ? `${deptId} (lead)` : deptId)).join(', ')} each held a pending task in its own queue at once, before any decision`;
  });

  await report.evaluate('suspension', async () => {
    const parallel = state.parallelCase ?? skip('needs the case of 并联审批, which did not get that far');
    const procedure = guide.specialProcedures[0] ?? skip(`${guide.code} has no special procedure`);
    const deptId = parallel.last;
    const viewBefore = await staffView(parallel.caseId);
    const before = taskOf(viewBefore, deptId) ?? skip(`case ${parallel.caseId} has no task of ${deptId}`);
    const stageBefore = before.stageDeadline ?? skip(`${deptId}'s task shows no stage deadline (no calendar for its year)`);
    const promisedBefore = viewBefore.clock.promisedDeadline;
    const suspended = expectData(
      `${deptId} suspending for ${procedure.type}`,
      await decideTask(deptId, before.taskId, {
        decision: 'suspend',
        procedure: procedure.type,
        reason: `${MARK}：${procedure.description ?? procedure.type}`,
        expectedDays: procedure.estimatedDays,
      }),
    );
    check(suspended.status === 'suspended', `suspending answered ${suspended.status}`);
    const during = taskOf(await staffView(parallel.caseId), deptId);
    check(
      during?.status === 'suspended' && during.light === 'suspended',
      `while suspended the task shows ${during?.status}/${during?.light}, not suspended/suspended`,
    );
    const opened = during.suspensions?.at(-1);
    check(opened?.kind === procedure.type && !opened.resumedAt, `the task records no open ${procedure.type} suspension`);
    const refused = expectRefusal(
      `${deptId} approving while suspended`,
      await decideTask(deptId, before.taskId, { decision: 'approve' }),
      409,
      'TASK_SUSPENDED',
    );
    let moved = '';
    if (context.drill?.movesTime) {
      // two working days pass while the procedure runs: to midday of the second working day from now
      const second = await calendar.deadline(opened.from, 2);
      moved = `${context.drill.moveClockTo(`${shanghaiDate(second)}T12:00:00+08:00`)}; `;
    }
    const resumed = expectData(`${deptId} resuming`, await decideTask(deptId, before.taskId, { decision: 'resume', comment: `${procedure.type}完毕` }));
    check(resumed.status === 'pending', `resuming answered ${resumed.status}`);
    const after = await staffView(parallel.caseId);
    const task = taskOf(after, deptId);
    const closed = task?.suspensions?.at(-1);
    check(
      task?.status === 'pending' && closed?.resumedAt,
      `after resuming the task shows ${task?.status} with ${closed?.resumedAt ? 'a closed' : 'an open'} suspension`,
    );
    const excluded = await calendar.between(closed.from, closed.resumedAt);
    const stageExpected = await calendar.shifted(stageBefore, excluded);
    check(
      task.stageDeadline === stageExpected,
      `suspended ${closed.from} → ${closed.resumedAt} (${excluded} working days): the stage deadline went ${stageBefore} → ${task.stageDeadline}, expected ${stageExpected}`,
    );
    const promisedExpected = promisedBefore ? await calendar.shifted(promisedBefore, excluded) : null;
    check(
      after.clock.promisedDeadline === promisedExpected,
      `the case's promised deadline went ${promisedBefore} → ${after.clock.promisedDeadline}, expected ${promisedExpected} (${excluded} working days not counted)`,
    );
    const checked = `${deptId} suspended for ${procedure.type}: light suspended, approving refused ${refused}; ${moved}resumed after ${excluded} working day(s): stage deadline ${stageBefore} → ${task.stageDeadline}, promised deadline ${promisedBefore} → ${after.clock.promisedDeadline}`;
    if (excluded === 0) {
      skip(
        `${checked} (unchanged, as 0 working days passed); that the deadlines move on by the suspended working days needs time to pass during a suspension, and this deployment offers no drill clock`,
      );
    }
    return checked;
  });

  await report.evaluate('joinRule', async () => {
    const parallel = state.parallelCase ?? skip('needs the case of 并联审批, which did not get that far');
    const last = parallel.last;
    const others = plan.ids.filter((deptId) => deptId !== last);
    const current = await staffView(parallel.caseId);
    for (const deptId of others) {
      const task = taskOf(current, deptId) as CaseView['tasks'][number];
      const decided = expectData(`${deptId} approving`, await decideTask(deptId, task.taskId, { decision: 'approve', comment: `${MARK}：同意` }));
      check(decided.status === 'approved', `${deptId}'s approval answered ${decided.status}`);
    }
    await eventually(`the approvals of ${others.join(', ')} on the timeline`, timeoutMs, async () => {
      const view = await staffView(parallel.caseId);
      const decided = view.tasks.filter((task) => others.includes(task.deptId) && task.status === 'approved').length;
      return { ...(decided === others.length ? { value: true } : {}), seen: `${decided} of ${others.length} approved` };
    });
    // the workflow must NOT complete the case now: give it the time it would take, then look
    await settle();
    const waiting = await staffView(parallel.caseId);
    const lastTask = taskOf(waiting, last) as CaseView['tasks'][number];
    check(
      waiting.status === 'in_approval' && !waiting.timeline.some((event) => event.type === 'CaseCompleted'),
      `with ${last} still ${lastTask.status}, the case is ${waiting.status}`,
    );
    if (lastTask.status === 'suspended') expectData(`${last} resuming`, await decideTask(last, lastTask.taskId, { decision: 'resume' }));
    expectData(`${last} approving`, await decideTask(last, lastTask.taskId, { decision: 'approve', comment: `${MARK}：同意` }));
    const done = await eventually(`case ${parallel.caseId} completing`, timeoutMs, async () => {
      const view = await staffView(parallel.caseId);
      return { ...(view.finished ? { value: view } : {}), seen: view.status };
    });
    check(done.status === 'completed', `after every approval the case ended ${done.status}`);
    check(
      done.tasks.every((task) => task.status === 'approved'),
      `completed with tasks ${done.tasks.map((task) => `${task.deptId}:${task.status}`).join(' ')}`,
    );
    const lastDecision = done.tasks
      .map((task) => task.decidedAt ?? '')
      .sort()
      .at(-1) as string;
    check((done.completedAt ?? '') >= lastDecision, `completed at ${done.completedAt}, before the last approval at ${lastDecision}`);
    state.completedCase = parallel.caseId;
    const presumed = plan.presumedBy(last);
    return `case ${parallel.caseId}: ${others.join(', ')} approved${presumed.length ? ` (${presumed.join(', ')} presuming ${last}'s approval, 默认前置条件批准)` : ''} and the case stayed in approval; it completed at ${done.completedAt} only after ${last} approved`;
  });

  await report.evaluate('denialWithRights', async () => {
    needs({ 'a citizen token': citizen, 'a window token': window });
    needHandlers();
    const denier = plan.denier ?? skip(`${guide.code} has no department besides the lead`);
    const filed = await fileOnline();
    const { view } = await acceptedWithPendingTasks(filed.caseId);
    const reason = `${MARK}：消防设计不符合《建筑设计防火规范》`;
    const task = taskOf(view, denier) as CaseView['tasks'][number];
    const denied = expectData(`${denier} denying`, await decideTask(denier, task.taskId, { decision: 'deny', reason }));
    const rights = (text: string | undefined) => Boolean(text?.includes('行政复议') && text.includes('行政诉讼'));
    check(denied.status === 'denied', `denying answered ${denied.status}`);
    check(rights(denied.rightsNotice), `the denial answered no notice of the rights to 行政复议 and 行政诉讼 (${denied.rightsNotice ?? 'none'})`);
    const seen = await eventually(`case ${filed.caseId} ending denied`, timeoutMs, async () => {
      const current = expectData(
        'the applicant reading the case',
        await (citizen as TongbanClient).GET('/v1/tenants/{tenantId}/cases/{caseId}', { params: { path: { ...path, caseId: filed.caseId } } }),
      );
      const othersClosed = current.tasks.filter((other) => other.deptId !== denier).every((other) => other.status === 'cancelled');
      return {
        ...(current.status === 'denied' && othersClosed ? { value: current } : {}),
        seen: `${current.status}, ${current.tasks.map((t) => `${t.deptId}:${t.status}`).join(' ')}`,
      };
    });
    check(seen.outcomeReason?.includes(reason), `the applicant sees the reason ${seen.outcomeReason ?? 'nowhere'}`);
    check(rights(seen.rightsNotice), `the applicant's case shows no notice of the rights (${seen.rightsNotice ?? 'none'})`);
    check(
      seen.timeline.some((event) => event.type === 'CaseDenied'),
      'no CaseDenied on the timeline',
    );
    state.deniedCase = filed.caseId;
    return `case ${filed.caseId}: ${denier} denied; the applicant sees status denied, the reason, and 「${seen.rightsNotice}」; ${plan.ids.filter((deptId) => deptId !== denier).join(', ')} cancelled`;
  });

  await report.evaluate('oneReviewPerTouchpoint', async () => {
    needs({ 'a citizen token': citizen });
    const caseId = state.completedCase ?? state.deniedCase ?? skip('needs a completed or denied case (并联审批 or 不予许可), which did not get that far');
    const review = (level: RequestBody<'SubmitReview'>['level']) =>
      (citizen as TongbanClient).POST('/v1/tenants/{tenantId}/cases/{caseId}/reviews', {
        params: { path: { ...path, caseId } },
        body: { touchpoint: 'completion', level, comment: `${MARK}：等候时间过长`, tags: ['效率'], channel: 'web' },
      });
    const first = expectData('the first review at completion', await review('不满意'));
    state.badReview = first;
    const refused = expectRefusal('a second review at the same touchpoint', await review('满意'), 409, 'ALREADY_REVIEWED');
    const listed = expectData(
      'the reviews of the case',
      await (citizen as TongbanClient).GET('/v1/tenants/{tenantId}/cases/{caseId}/reviews', { params: { path: { ...path, caseId } } }),
    );
    const atCompletion = listed.reviews.filter((candidate) => candidate.touchpoint === 'completion');
    check(
      atCompletion.length === 1 && atCompletion[0]?.level === '不满意',
      `the case holds ${atCompletion.map((r) => r.level).join('、') || 'no'} review(s) at completion`,
    );
    return `case ${caseId}: the review at completion (${first.reviewId}, 不满意) was recorded; a second one was refused ${refused}, and the case keeps one`;
  });

  await report.evaluate('rectificationDeadline', async () => {
    const review = state.badReview ?? skip('needs the bad review of 一事一评, which was not recorded');
    const opened = review.rectification;
    check(opened, `the ${review.level} review ${review.reviewId} opened no ledger entry`);
    check(opened.ownerDeptId === plan.lead, `the entry is owned by ${opened.ownerDeptId}, not the lead department ${plan.lead}`);
    const owner = handlerOf(opened.ownerDeptId) ?? callers.supervisor ?? skip(`needs a token of ${opened.ownerDeptId} or a supervisor to read the ledger`);
    const entry = expectData(
      `reading ledger entry ${opened.rectificationId}`,
      await owner.GET('/v1/tenants/{tenantId}/rectifications/{rectificationId}', { params: { path: { ...path, rectificationId: opened.rectificationId } } }),
    );
    check(entry.source.kind === 'review' && entry.source.reviewId === review.reviewId, `the entry's source is ${JSON.stringify(entry.source)}`);
    check(entry.status === 'open' && entry.ownerDeptId === opened.ownerDeptId, `the entry is ${entry.status}, owned by ${entry.ownerDeptId}`);
    check(entry.limitDays > 0, `the entry gives ${entry.limitDays} working days`);
    const expected = await calendar.deadline(entry.openedAt, entry.limitDays);
    check(
      entry.deadline === expected && opened.deadline === expected,
      `opened ${entry.openedAt} with ${entry.limitDays} working days: the deadline is ${entry.deadline} (the review answered ${opened.deadline}), the calendar gives ${expected}`,
    );
    check(entry.light === 'green', `a fresh entry's light is ${entry.light}`);
    const other = plan.ids.find((deptId) => deptId !== opened.ownerDeptId && callers.handlers.has(deptId));
    let fenced = '';
    if (other) {
      const refused = expectRefusal(
        `${other} reading ${opened.ownerDeptId}'s entry`,
        await (handlerOf(other) as TongbanClient).GET('/v1/tenants/{tenantId}/rectifications/{rectificationId}', {
          params: { path: { ...path, rectificationId: opened.rectificationId } },
        }),
        403,
        'OTHER_DEPARTMENT',
      );
      fenced = `; ${other}'s handler is refused ${refused}`;
    }
    return `bad review ${review.reviewId} opened ${entry.rectificationId}, owned by the lead department ${entry.ownerDeptId}: ${entry.limitDays} working days from ${entry.openedAt} → ${entry.deadline} (the calendar agrees), light green${fenced}`;
  });

  await report.evaluate('deemedAcceptance', async () => {
    if (context.deemedCaseId) return deemedLater(context, context.deemedCaseId, staffView, decideAcceptance);
    needs({ 'a citizen token': citizen, 'a window token': window });
    const filed = state.undecidedCase ?? skip('the application for it could not be filed');
    const drill = context.drill;
    if (!drill) {
      skip(
        `this deployment offers no clock control: case ${filed.caseId} is left undecided with its notice deadline ${filed.noticeDeadline}; after it passes, run again with --deemed-case ${filed.caseId}`,
      );
    }
    const noticeDeadline = filed.noticeDeadline ?? skip(`case ${filed.caseId} has no notice deadline (no calendar for its year)`);
    const how = await drill.passNoticeDeadline(tenantId, filed.caseId, noticeDeadline, async () => {
      // a receipt early enough that its notice window has passed by now, on the county's calendar
      const receipt = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const passed = await calendar.deadline(receipt, guide.noticeDays);
      check(Date.parse(passed) < Date.now(), `a receipt on ${receipt} still has its notice window open (${passed})`);
      return receipt;
    });
    await drill.fireAcceptanceTimer(tenantId, filed.caseId);
    return `${how}; ${await judgeDeemed(context, filed.caseId, staffView, decideAcceptance)}`;
  });
}

/** Reads a case that should have been deemed accepted, and judges it; the window's late decision must be refused. */
async function judgeDeemed(
  context: SuiteContext,
  caseId: string,
  staffView: (caseId: string) => Promise<CaseView>,
  decideAcceptance: (caseId: string, body: RequestBody<'DecideAcceptance'>) => Promise<{ error?: unknown; response: Response }>,
): Promise<string> {
  const view = await eventually(`the acceptance timer deciding case ${caseId} once its notice deadline has passed`, context.timeoutMs, async () => {
    const current = await staffView(caseId);
    return { ...(current.status !== 'submitted' && current.tasks.length > 0 ? { value: current } : {}), seen: current.status };
  });
  check(view.deemedAccepted, `case ${caseId} is ${view.status} but not deemedAccepted`);
  const deemed = view.timeline.find((event) => event.type === 'CaseDeemedAccepted');
  check(deemed, 'no CaseDeemedAccepted on the timeline');
  const noticeDeadline = view.clock.noticeDeadline ?? '';
  check(Date.parse(deemed.at) > Date.parse(noticeDeadline), `deemed at ${deemed.at}, not after the notice deadline ${noticeDeadline}`);
  check(view.acceptedAt && view.acceptedAt === view.receivedAt, `accepted as of ${view.acceptedAt}, not the receipt ${view.receivedAt}`);
  const refused = expectRefusal(
    'the window deciding after the timer',
    await decideAcceptance(caseId, { decision: 'reject', reason: `${MARK}：超过告知期限后的决定` }),
    409,
    'CASE_STATE_CONFLICT',
  );
  return `case ${caseId} was accepted by the timer at ${deemed.at}, after its notice deadline ${noticeDeadline}, as of its receipt ${view.receivedAt} (deemedAccepted), and routed to ${view.tasks.map((task) => task.deptId).join(', ')}; the window's late decision was refused ${refused}`;
}

/** `--deemed-case`: a case an earlier run left undecided, judged once its notice deadline has passed. */
async function deemedLater(
  context: SuiteContext,
  caseId: string,
  staffView: (caseId: string) => Promise<CaseView>,
  decideAcceptance: (caseId: string, body: RequestBody<'DecideAcceptance'>) => Promise<{ error?: unknown; response: Response }>,
): Promise<string> {
  if (!context.callers.window) skip('needs a window token to read the case');
  const view = await staffView(caseId);
  const deadline = view.clock.noticeDeadline ?? skip(`case ${caseId} has no notice deadline`);
  if (view.status === 'submitted') {
    // the timer fires just after the deadline; a minute covers its start and the function
    if (Date.now() < Date.parse(deadline) + 60_000) skip(`case ${caseId} is not due yet: its notice deadline is ${deadline}`);
    throw new Error(`case ${caseId} is still undecided (submitted) after its notice deadline ${deadline}`);
  }
  if (!view.deemedAccepted) skip(`case ${caseId} was decided by the window (${view.status}) before the timer`);
  return judgeDeemed(context, caseId, staffView, decideAcceptance);
}
