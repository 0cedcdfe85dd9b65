import type { CallbackOutcome, WorkflowAnswer, WorkflowCallback } from '../../../functions/approval/domain/ports';
import type { AcceptanceTimer, ApprovalWorkflow, WorkflowTask } from '../../../functions/intake/domain/ports';

type ApprovalStart = { tenantId: string; caseId: string; maxConcurrency: 0 | 1; tasks: readonly WorkflowTask[] };

/**
 * The approval state machine as intake starts it: each start recorded, one execution per case (the
 * adapter names the execution after the case, so a repeated start returns the running one).
 */
export class RecordingApprovalWorkflow implements ApprovalWorkflow {
  readonly starts: ApprovalStart[] = [];
  private readonly executions = new Map<string, ApprovalStart>();

  async start(request: ApprovalStart): Promise<string> {
    const name = `${request.tenantId}-${request.caseId}`;
    this.starts.push(structuredClone(request));
    if (!this.executions.has(name)) this.executions.set(name, structuredClone(request));
    return `arn:aws:states:local:000000000000:execution:ApprovalWorkflow:${name}`;
  }

  /** The execution of a case, as it was first started; undefined when none was. */
  executionOf(tenantId: string, caseId: string): ApprovalStart | undefined {
    return this.executions.get(`${tenantId}-${caseId}`);
  }
}

type TimerStart = { tenantId: string; caseId: string; receivedAt: string; fireAt: string };

/** The deemed-acceptance timer: one execution per receipt (the adapter names it after the case and the receipt time). */
export class RecordingAcceptanceTimer implements AcceptanceTimer {
  private readonly executions = new Map<string, TimerStart>();

  private readonly stopped = new Set<string>();

  async start(request: TimerStart): Promise<void> {
    const name = `${request.tenantId}-${request.caseId}-${Date.parse(request.receivedAt)}`;
    if (!this.executions.has(name)) this.executions.set(name, structuredClone(request));
  }

  async stop(request: Omit<TimerStart, 'fireAt'>): Promise<void> {
    this.stopped.add(`${request.tenantId}-${request.caseId}-${Date.parse(request.receivedAt)}`);
  }

  /** The timers of a case still running: armed and not stopped. */
  runningTimersOf(tenantId: string, caseId: string): TimerStart[] {
    return this.timersOf(tenantId, caseId).filter((timer) => !this.stopped.has(`${timer.tenantId}-${timer.caseId}-${Date.parse(timer.receivedAt)}`));
  }

  /** The timers armed for a case, one per receipt. */
  timersOf(tenantId: string, caseId: string): TimerStart[] {
    return [...this.executions.values()].filter((timer) => timer.tenantId === tenantId && timer.caseId === caseId);
  }
}

/** The approval workflow's waits as the approval context answers them: every answer recorded, each token answerable once. */
export class RecordingWorkflowCallback implements WorkflowCallback {
  readonly answered: { token: string; result: WorkflowAnswer }[] = [];
  /** Tokens whose wait timed out (Step Functions answers TaskTimedOut). */
  readonly expired = new Set<string>();

  async succeed(token: string, result: WorkflowAnswer): Promise<CallbackOutcome> {
    if (this.expired.has(token)) return 'token-expired';
    this.answered.push({ token, result });
    return 'delivered';
  }
}
