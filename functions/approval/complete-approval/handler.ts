import { workflowStep } from '../../shared/worker';
import { completeApproval } from '../use-cases/complete-approval';
import { completionInput } from '../use-cases/requests';
import { approvalDependencies } from '../wiring';

/** Invoked by the approval state machine after every department answered: the join. */
export const handler = workflowStep('ApprovalCompleted', completionInput, (input) => completeApproval(approvalDependencies(), input));
