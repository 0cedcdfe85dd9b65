import { WorkflowSignal, workflowSignals } from '../../shared/workflow-signals';
import { workflowStep } from '../../shared/worker';
import { escalateOverdueTask } from '../use-cases/escalate-overdue-task';
import { escalationInput } from '../use-cases/requests';
import { approvalDependencies } from '../wiring';

/**
 * Invoked by the approval state machine when a department's wait reaches its next light change, or must be recomputed.
 * A task closed with its case ends its branch: the state machine catches the signal, so no Choice runs after every wait.
 */
export const handler = workflowStep('TaskEscalated', escalationInput, async (input) => {
  const next = await escalateOverdueTask(approvalDependencies(), input);
  if (next.closed) throw new WorkflowSignal(workflowSignals.taskClosed, `task ${input.taskId} was closed with its case`);
  return next;
});
