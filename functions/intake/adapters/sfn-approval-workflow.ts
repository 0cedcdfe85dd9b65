import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ApprovalWorkflow, WorkflowTask } from '../domain/ports';

/** Execution names are unique per state machine for 90 days, so the case id makes a start idempotent. */
const executionName = (tenantId: string, caseId: string): string => `${tenantId}-${caseId}`;

/** Starts the approval state machine of an accepted case (the approval context answers its waits). */
export class StepFunctionsApprovalWorkflow implements ApprovalWorkflow {
  constructor(
    private readonly client: SFNClient,
    /** Resolved on first use: only the functions that start approvals are given the ARN. */
    private readonly stateMachineArn: () => string,
  ) {}

  async start(request: { tenantId: string; caseId: string; maxConcurrency: 0 | 1; tasks: readonly WorkflowTask[] }): Promise<string> {
    const name = executionName(request.tenantId, request.caseId);
    try {
      const started = await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn(), name, input: JSON.stringify(request) }));
      return started.executionArn ?? name;
    } catch (error) {
      // a retried acceptance may carry recomputed timeouts; the running execution is the one that counts
      if (error instanceof ExecutionAlreadyExists) return name;
      throw error;
    }
  }
}
