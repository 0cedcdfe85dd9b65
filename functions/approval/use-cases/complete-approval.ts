import type { z } from 'zod';
import { concludeApproval } from '../../intake/domain/case';
import { notFound } from '../../shared/errors';
import { cancelTask, voidApprovalsPresumingDenials } from '../domain/department-task';
import { approvalOutcomes, tasksToCancelAtJoin } from '../domain/approval-join';
import type { ApprovalDependencies } from './dependencies';
import type { completionInput } from './requests';
import { event } from './support';

/**
 * Primary course: every department has answered, or one denied and the others need not: the join
 * concludes the case from the stored task decisions (not from what the workflow carried), once.
 * Departments that had not answered are cancelled; approvals that presumed a denied prerequisite
 * (默认前置条件批准) are voided; nothing is released unless every result is an approval.
 */
export async function completeApproval(deps: ApprovalDependencies, input: z.infer<typeof completionInput>) {
  const current = await deps.cases.find(input.tenantId, input.caseId);
  if (!current) throw notFound.case(input.caseId);
  if (current.status === 'completed' || current.status === 'denied') return { caseId: current.caseId, status: current.status };
  const tasks = await deps.tasks.findMany(
    input.tenantId,
    current.tasks.map((task) => task.taskId),
  );
  const undecided = tasksToCancelAtJoin(tasks);
  const now = deps.clock.now().toISOString();
  for (const task of undecided) {
    const cancelled = cancelTask(task, now);
    await deps.tasks.save(
      cancelled,
      task.status,
      event(deps, cancelled, 'DepartmentTaskCancelled', now, 'system', { reason: '其他部门不予批准，本部门无需再办理' }),
    );
  }
  const judged = voidApprovalsPresumingDenials(tasks);
  for (const task of judged.filter((candidate) => candidate.voidedBecause !== undefined)) {
    await deps.tasks.save(task, task.status, event(deps, task, 'DepartmentApprovalVoided', now, 'system', { prerequisite: task.voidedBecause }));
  }
  const concluded = concludeApproval(current, approvalOutcomes(judged), now, deps.ids.next());
  await deps.cases.save(concluded.case, [concluded.event]);
  return { caseId: concluded.case.caseId, status: concluded.case.status };
}
