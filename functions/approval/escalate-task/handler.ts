import { dependencies } from '../../shared/wiring';
import { workflowStep } from '../../shared/worker';
import { escalateOverdueTask, escalationInput } from '../use-cases';

/** Invoked by the approval state machine when a department's wait reaches its next light change. */
export const handler = workflowStep('TaskEscalated', escalationInput, (input) => escalateOverdueTask(dependencies(), input));
