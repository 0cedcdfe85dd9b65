/** Decide acceptance (受理审查): accept, ask for a supplement, reject, return, or complete on the spot. */

import type { z } from 'zod';
import { authorize } from '../../kernel/permissions';
import { actorOf } from '../../kernel/principal';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import {
  acceptCase,
  approveOnCommitment,
  type Case,
  type CaseNotice,
  checkDeferrable,
  type NoticeKind,
  checkSupplementItems,
  completeOnTheSpot,
  noticeNumber,
  refuseCase,
  requestSupplement,
} from '../domain/case';
import type { IntakeDependencies } from './dependencies';
import type { acceptanceBody } from './requests';
import { routeForAcceptance } from './route-for-acceptance';
import { startApproval } from './start-approval';
import { issue, latestNotice, loadCase } from './support';

/**
 * Primary course: the window reviews a submitted case and decides, with a written notice each time:
 * accept (受理, the promised deadline starts and the case is routed to its departments in the same
 * transaction, then the approval workflow starts), supplement (ONE notice listing every missing
 * material), reject (不予受理) or return (退件) with a reason, or complete a 即办件 on the spot.
 * A retried accept after the workflow failed to start re-attempts the start and never duplicates tasks.
 */
export async function decideAcceptance(deps: IntakeDependencies, ctx: RequestContext, caseId: string, decision: z.infer<typeof acceptanceBody>) {
  authorize(ctx.principal, 'case.decide-acceptance');
  // the clerk of record is the signed-in account (实名制), never a name typed into the request
  const actor = actorOf(ctx.principal).actor;
  let current = await loadCase(deps.cases, ctx, caseId);
  const now = deps.clock.now().toISOString();
  if (decision.decision === 'supplement') {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    checkSupplementItems(item, decision.items);
    const requested = requestSupplement(current, decision.items, actor, now, deps.ids.next());
    await deps.cases.save(requested.case, [requested.event]);
    await issue(deps, requested.case, requested.notice);
    await endAcceptanceTimer(deps, requested.case);
    return decisionReply(requested.case, decision.decision, requested.notice);
  }
  if (decision.decision === 'reject' || decision.decision === 'return') {
    const refused = refuseCase(current, decision.decision, decision.reason, actor, now, deps.ids.next());
    await deps.cases.save(refused.case, [refused.event]);
    await issue(deps, refused.case, latestNotice(refused.case) as CaseNotice);
    await endAcceptanceTimer(deps, refused.case);
    return decisionReply(refused.case, decision.decision, latestNotice(refused.case));
  }
  if (decision.decision === 'complete') {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    const done = completeOnTheSpot(current, item, actor, noticeNumber('acceptance', ctx.tenantId, caseId, now), now, [deps.ids.next(), deps.ids.next()]);
    await deps.cases.save(done.case, done.events);
    await issue(deps, done.case, latestNotice(done.case) as CaseNotice);
    await endAcceptanceTimer(deps, done.case);
    return decisionReply(done.case, decision.decision, latestNotice(done.case), item.result.name);
  }
  if (current.status === 'submitted' && current.commitment) {
    const item = await deps.catalogue.itemVersion(ctx.tenantId, current.itemCode, current.itemVersion);
    if (!item) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
    const approved = approveOnCommitment(current, item, actor, noticeNumber('acceptance', ctx.tenantId, caseId, now), now, [deps.ids.next(), deps.ids.next()]);
    await deps.cases.save(approved.case, approved.events);
    await issue(deps, approved.case, latestNotice(approved.case) as CaseNotice);
    await endAcceptanceTimer(deps, approved.case);
    return decisionReply(approved.case, decision.decision, latestNotice(approved.case));
  }
  if (current.status === 'submitted') {
    const routed = await routeForAcceptance(deps, current, now);
    const deferred = decision.decision === 'accept' ? decision.deferred : undefined;
    if (deferred) checkDeferrable(routed.item, deferred.materialIds);
    const accepted = acceptCase(
      current,
      { ...routed.acceptance, actor: actor, noticeNo: noticeNumber('acceptance', ctx.tenantId, caseId, now), ...(deferred ? { deferred } : {}) },
      now,
      deps.ids.next(),
    );
    await deps.cases.save(accepted.case, [accepted.event], routed.tasks);
    await issue(deps, accepted.case, latestNotice(accepted.case) as CaseNotice);
    await endAcceptanceTimer(deps, accepted.case);
    current = accepted.case;
  }
  if (current.status !== 'accepted') {
    // accepting an already running or finished case is answered by the domain rule (409)
    acceptCase(current, { tasks: current.tasks, actor: actor }, now, '');
  }
  const started = await startApproval(deps, current);
  return decisionReply(started, decision.decision, latestNotice(started));
}

/**
 * The window decided this receipt, so its deemed-acceptance timer has nothing left to do: stopped, so a case holds at
 * most one open execution (issue 17). A stop that fails costs only that: the timer, when it fires, finds the case
 * decided and ends by itself, so the decision is not held up by it.
 */
async function endAcceptanceTimer(deps: Pick<IntakeDependencies, 'acceptanceTimer'>, decided: Case): Promise<void> {
  await deps.acceptanceTimer
    .stop({ tenantId: decided.tenantId, caseId: decided.caseId, receivedAt: decided.receivedAt ?? decided.createdAt })
    .catch(() => undefined);
}

type Decision = z.infer<typeof acceptanceBody>['decision'];

/** The reply of each decision, from the decided case: the notice it issued and what the decision settled. */
function decisionReply(decided: Case, decision: Decision, notice: CaseNotice | undefined, resultName?: string) {
  const answer = { caseId: decided.caseId, status: decided.status, notice };
  if (decision === 'complete') return { ...answer, completedAt: decided.completedAt, result: resultName };
  if (decision !== 'accept') return answer;
  // 告知承诺: approved on the commitment at acceptance, verified afterwards
  if (decided.postVerification) return { ...answer, completedAt: decided.completedAt, postVerification: decided.postVerification };
  return { ...answer, acceptedAt: decided.acceptedAt, promisedDeadline: decided.promisedDeadline };
}

const NOTICE_OF_DECISION: Record<Decision, NoticeKind> = {
  accept: 'acceptance',
  complete: 'acceptance',
  supplement: 'supplement',
  reject: 'rejection',
  return: 'return',
};

/**
 * The reply to a retried decision whose first call committed and died (or failed) before answering, rebuilt from the
 * case: its notice archived (again, harmlessly, as the document is a function of the case and notice), an accepted
 * case's workflow started (a repeated start is harmless), and the decision's reply.
 */
export async function replayAcceptanceDecision(deps: IntakeDependencies, ctx: RequestContext, caseId: string, decision: z.infer<typeof acceptanceBody>) {
  authorize(ctx.principal, 'case.decide-acceptance');
  let decided = await loadCase(deps.cases, ctx, caseId);
  const notice = [...(decided.notices ?? [])].reverse().find((candidate) => candidate.kind === NOTICE_OF_DECISION[decision.decision]);
  if (notice) await issue(deps, decided, notice);
  if (decided.status === 'accepted') decided = await startApproval(deps, decided);
  const item = decision.decision === 'complete' ? await deps.catalogue.itemVersion(ctx.tenantId, decided.itemCode, decided.itemVersion) : undefined;
  return decisionReply(decided, decision.decision, notice, item?.result.name);
}
