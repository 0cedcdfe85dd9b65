/** Start the approval workflow (并联审批) of an accepted case, or resume it after a lost execution. */

import { workflowHandOut } from '../../approval/domain/task-planning';
import { escalationPolicyOf } from '../../approval/domain/task-clock';
import { notFound } from '../../shared/errors';
import { type Case, markApprovalStarted } from '../domain/case';
import type { IntakeDependencies } from './dependencies';
import { calendarOf } from './support';

/**
 * Starts (or, after a lost execution, restarts) the approval workflow of an accepted case from the
 * tasks DynamoDB holds. The execution is named after the case, so a repeated start is harmless.
 */
export async function startApproval(deps: IntakeDependencies, current: Case): Promise<Case> {
  const [tasks, profile] = await Promise.all([
    deps.tasks.findMany(
      current.tenantId,
      current.tasks.map((task) => task.taskId),
    ),
    deps.tenants.profile(current.tenantId),
  ]);
  const calendar = profile ? await calendarOf(deps, profile) : await deps.calendar.current();
  const policy = profile ? escalationPolicyOf(profile.supervision) : undefined;
  const executionRef = await deps.workflow.start({
    tenantId: current.tenantId,
    caseId: current.caseId,
    ...workflowHandOut(tasks, () => deps.clock.now(), calendar, policy),
  });
  if (current.status !== 'accepted') return current;
  const started = markApprovalStarted(current, executionRef, deps.clock.now().toISOString(), deps.ids.next());
  await deps.cases.save(started.case, [started.event]);
  return started.case;
}

/** Re-drives the workflow of a case that DynamoDB says is still in approval (local restarts, operator repair). */
export async function resumeApproval(deps: IntakeDependencies, tenantId: string, caseId: string): Promise<Case> {
  const found = await deps.cases.find(tenantId, caseId);
  if (!found) throw notFound.case(caseId);
  if (found.status !== 'accepted' && found.status !== 'in_approval') return found;
  return startApproval(deps, found);
}
