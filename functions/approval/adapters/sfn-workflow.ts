import { ExecutionAlreadyExists, type SFNClient, SendTaskSuccessCommand, StartExecutionCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import type { ApprovalWorkflow, WorkflowTask } from '../../intake/domain/ports';
import type { CallbackOutcome, WorkflowAnswer, WorkflowCallback } from '../domain/ports';

/** Execution names are unique per state machine for 90 days, so the case id makes a start idempotent. */
export const executionName = (tenantId: string, caseId: string): string => `${tenantId}-${caseId}`;

export class StepFunctionsApprovalWorkflow implements ApprovalWorkflow, WorkflowCallback {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(request: { tenantId: string; caseId: string; maxConcurrency: 0 | 1; tasks: readonly WorkflowTask[] }): Promise<string> {
    const name = executionName(request.tenantId, request.caseId);
    try {
      const started = await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(request) }));
      return started.executionArn ?? name;
    } catch (error) {
      // a retried acceptance may carry recomputed timeouts; the running execution is the one that counts
      if (error instanceof ExecutionAlreadyExists) return name;
      throw error;
    }
  }

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
