import type { SFNClient } from '@aws-sdk/client-sfn';
import type { CallbackOutcome, WorkflowAnswer, WorkflowCallback } from '../../approval/domain/ports';
import { answerTaskToken } from '../../shared/task-token';

/**
 * Ends a department's wait in the approval state machine (`rescheduled`), so the workflow counts the wait
 * again on the moved deadline: the same answer a resume or a 转办 gives, with the token stored on the task.
 */
export class StepFunctionsWaitRescheduler implements WorkflowCallback {
  constructor(private readonly client: SFNClient) {}

  succeed(callbackToken: string, answer: WorkflowAnswer): Promise<CallbackOutcome> {
    return answerTaskToken(this.client, callbackToken, answer);
  }
}
