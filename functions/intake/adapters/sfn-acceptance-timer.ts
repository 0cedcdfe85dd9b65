import { ExecutionAlreadyExists, ExecutionDoesNotExist, type SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import type { AcceptanceTimer } from '../domain/ports';

/** The execution's name: the receipt time in it gives a resubmission a timer of its own. */
const timerName = (request: { tenantId: string; caseId: string; receivedAt: string }): string =>
  `${request.tenantId}-${request.caseId}-${Date.parse(request.receivedAt)}`;

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
    const name = timerName(request);
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

  async stop(request: { tenantId: string; caseId: string; receivedAt: string }): Promise<void> {
    const executionArn = `${this.stateMachineArn().replace(':stateMachine:', ':execution:')}:${timerName(request)}`;
    try {
      await this.client.send(new StopExecutionCommand({ executionArn, cause: '窗口已作出受理决定 / The window decided' }));
    } catch (error) {
      // never armed (a case filed before timers existed) or already ended: nothing is open
      if (error instanceof ExecutionDoesNotExist || (error as { name?: string }).name === 'ExecutionDoesNotExist') return;
      throw error;
    }
  }
}
