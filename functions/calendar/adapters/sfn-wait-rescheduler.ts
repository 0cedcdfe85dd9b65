import { type SFNClient, SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import type { CallbackOutcome, WorkflowAnswer, WorkflowCallback } from '../../approval/domain/ports';

/**
 * Ends a department's wait in the approval state machine (`rescheduled`), so the workflow counts the wait
 * again on the moved deadline: the same answer a resume or a 转办 gives, with the token stored on the task.
 */
export class StepFunctionsWaitRescheduler implements WorkflowCallback {
  constructor(private readonly client: SFNClient) {}

  async succeed(callbackToken: string, answer: WorkflowAnswer): Promise<CallbackOutcome> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken: callbackToken, output: JSON.stringify(answer) }));
      return 'delivered';
    } catch (error) {
      if (error instanceof TaskTimedOut) return 'token-expired';
      throw error;
    }
  }
}
