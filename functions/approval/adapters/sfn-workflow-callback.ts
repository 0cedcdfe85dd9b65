import type { SFNClient } from '@aws-sdk/client-sfn';
import { answerTaskToken } from '../../shared/task-token';
import type { CallbackOutcome, WorkflowAnswer, WorkflowCallback } from '../domain/ports';

/** Answers a department's wait in the approval state machine with the task token stored on the task. */
export class StepFunctionsWorkflowCallback implements WorkflowCallback {
  constructor(private readonly client: SFNClient) {}

  succeed(callbackToken: string, answer: WorkflowAnswer): Promise<CallbackOutcome> {
    return answerTaskToken(this.client, callbackToken, answer);
  }
}
