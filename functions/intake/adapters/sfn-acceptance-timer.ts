import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { AcceptanceTimer } from '../domain/ports';

/**
 * One timer execution per receipt of a complete application: the name carries the receipt time,
 * so a retried start is harmless and a resubmission gets a timer of its own.
 */
export class StepFunctionsAcceptanceTimer implements AcceptanceTimer {
  constructor(
    private readonly client: SFNClient,
    /** Resolved on first use: only the functions that start timers are given the ARN. */
    private readonly stateMachineArn: () => string,
  ) {}

  async start(request: { tenantId: string; caseId: string; receivedAt: string; fireAt: string }): Promise<void> {
    const name = `${request.tenantId}-${request.caseId}-${Date.parse(request.receivedAt)}`;
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn(),
          name,
          input: JSON.stringify({ tenantId: request.tenantId, caseId: request.caseId, fireAt: request.fireAt }),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
