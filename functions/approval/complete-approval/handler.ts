import { workflowStep } from '../../shared/worker';
import { completeApproval, completionInput } from '../use-cases';
import { approvalDependencies } from '../wiring';

/** Invoked by the approval state machine after every department answered: the join. */
export const handler = workflowStep('ApprovalCompleted', completionInput, (input) => completeApproval(approvalDependencies(), input));
