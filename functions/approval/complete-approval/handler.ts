import { dependencies } from '../../shared/wiring';
import { workflowStep } from '../../shared/worker';
import { completeApproval, completionInput } from '../use-cases';

/** Invoked by the approval state machine after every department answered: the join. */
export const handler = workflowStep('ApprovalCompleted', completionInput, (input) => completeApproval(dependencies(), input));
