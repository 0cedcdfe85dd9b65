import { type SFNClient, SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import type { CallbackOutcome, WorkflowAnswer, WorkflowCallback } from '../domain/ports';

/** Answers a department's wait in the approval state machine with the task token stored on the task. */
export class StepFunctionsWorkflowCallback implements WorkflowCallback {
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
