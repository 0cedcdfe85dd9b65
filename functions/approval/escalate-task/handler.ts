import { workflowStep } from '../../shared/worker';
import { escalateOverdueTask } from '../use-cases/escalate-overdue-task';
import { escalationInput } from '../use-cases/requests';
import { approvalDependencies } from '../wiring';

/** Invoked by the approval state machine when a department's wait reaches its next light change. */
export const handler = workflowStep('TaskEscalated', escalationInput, (input) => escalateOverdueTask(approvalDependencies(), input));
