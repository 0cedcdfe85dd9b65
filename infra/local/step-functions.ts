import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { StateMachine } from 'aws-local-stepfunctions';
import { listenOn } from './engines';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
/**
 * Node's timers hold at most 2^31-1 ms (24.8 days); a longer wait (AWS allows a year) would fire at once.
 * Locally such a wait ends at the limit instead (the patched interpreter caps its timer the same way) and
 * the workflow's escalation step counts the next one: it changes nothing before the stage is due.
 */
const NODE_TIMER_LIMIT_SECONDS = 2_147_483;

type JsonObject = Record<string, unknown>;

interface PendingToken {
  resolve(output: unknown): void;
  reject(error: Error): void;
  expiresAt: number;
}

interface ExecutionRecord {
  readonly executionArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  output?: string;
  error?: string;
  stopDate?: Date;
}

/** An error answered the way the Step Functions API answers it (`__type` names the exception). */
export class StepFunctionsApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LocalStepFunctionsOptions {
  /** The rendered ASL document, i.e. the same template CDK deploys with local values substituted. */
  readonly definition: string;
  readonly stateMachineName: string;
  readonly sqs: SQSClient;
  /** Runs a function named in a `lambda:invoke` task. */
  readonly invokeFunction: (functionName: string, payload: unknown) => Promise<unknown>;
  readonly onExecutionFailed?: (record: { executionArn: string; error: string }) => void;
}

interface TaskState {
  readonly Type: string;
  readonly Resource?: string;
  readonly TimeoutSeconds?: number;
  readonly TimeoutSecondsPath?: string;
  readonly Parameters?: JsonObject;
  readonly ItemProcessor?: { States: Record<string, TaskState> };
  readonly Iterator?: { States: Record<string, TaskState> };
  readonly Branches?: { States: Record<string, TaskState> }[];
}

/** Every Task state of a definition, nested Map and Parallel states included. */
export function taskStates(states: Record<string, TaskState>): [string, TaskState][] {
  return Object.entries(states).flatMap(([name, state]) => {
    const nested = [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])].filter(Boolean) as { States: Record<string, TaskState> }[];
    return [...(state.Type === 'Task' ? [[name, state] as [string, TaskState]] : []), ...nested.flatMap((inner) => taskStates(inner.States))];
  });
}

/**
 * The approval state machine on aws-local-stepfunctions, behind the Step Functions API calls the
 * handlers make (StartExecution, SendTaskSuccess/Failure/Heartbeat, DescribeExecution, StopExecution).
 * Task tokens behave as on AWS: a fresh token per wait; a token whose wait timed out, or that was
 * already used, answers TaskTimedOut.
 */
export class LocalStepFunctions {
  readonly stateMachineArn: string;
  private readonly machine: StateMachine;
  private readonly tokens = new Map<string, PendingToken>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly aborts = new Map<string, () => void>();
  private readonly overrides: Record<string, (input: JsonObject) => Promise<unknown>>;
  private stopping = false;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${options.stateMachineName}`;
    const definition = JSON.parse(options.definition) as { States: Record<string, TaskState> };
    this.machine = new StateMachine(definition as never, { validationOptions: { checkPaths: true, checkArn: true } });
    this.overrides = Object.fromEntries(taskStates(definition.States).map(([name, state]) => [name, this.taskOverride(name, state)]));
  }

  private taskOverride(name: string, state: TaskState): (input: JsonObject) => Promise<unknown> {
    if (state.Resource === 'arn:aws:states:::lambda:invoke') {
      return async (input) => ({ StatusCode: 200, Payload: await this.options.invokeFunction(String(input.FunctionName), input.Payload) });
    }
    if (state.Resource === 'arn:aws:states:::sqs:sendMessage.waitForTaskToken') {
      return (input) => this.sendAndWait(name, state, input);
    }
    throw new Error(`local runtime has no implementation for task ${name} (${state.Resource})`);
  }

  /**
   * How long this wait lasts. AWS evaluates TimeoutSecondsPath against the state input, which the
   * override does not see; our definition carries the same value in the message, checked by a test.
   */
  private waitSeconds(state: TaskState, message: JsonObject): number {
    if (state.TimeoutSeconds) return Math.min(state.TimeoutSeconds, NODE_TIMER_LIMIT_SECONDS);
    const field = state.TimeoutSecondsPath?.replace(/^\$\./, '');
    const value = field ? message[field] : undefined;
    if (typeof value !== 'number') throw new Error(`wait without a resolvable timeout (${state.TimeoutSecondsPath})`);
    return Math.min(value, NODE_TIMER_LIMIT_SECONDS);
  }

  private async sendAndWait(name: string, state: TaskState, input: JsonObject): Promise<unknown> {
    const message = input.MessageBody as JsonObject;
    const token = String(message.taskToken);
    // expire the token a moment before the interpreter's own timer, so no callback lands in between
    const expiresAt = Date.now() + this.waitSeconds(state, message) * 1000 - 50;
    const pending = Promise.withResolvers<unknown>();
    // the wait can be settled (a clock drill, a shutdown) while the message is still being sent, before anyone awaits
    // it: marked handled here, so that is never an unhandled rejection; the interpreter still gets it below
    pending.promise.catch(() => undefined);
    this.tokens.set(token, { resolve: pending.resolve, reject: pending.reject, expiresAt });
    try {
      await this.options.sqs.send(new SendMessageCommand({ QueueUrl: String(input.QueueUrl), MessageBody: JSON.stringify(message) }));
    } catch (error) {
      this.tokens.delete(token);
      throw Object.assign(new Error(`SQS.SdkClientException in ${name}: ${(error as Error).message}`), { name: 'SQS.SdkClientException' });
    }
    return pending.promise;
  }

  private takeToken(token: string): PendingToken {
    if (!token || token.length > 1024) throw new StepFunctionsApiError('InvalidToken', 'Invalid Token');
    const pending = this.tokens.get(token);
    this.tokens.delete(token);
    if (!pending || pending.expiresAt <= Date.now()) {
      throw new StepFunctionsApiError('TaskTimedOut', 'Task Timed Out: the task token has expired or the task was already closed');
    }
    return pending;
  }

  startExecution(request: { stateMachineArn?: string; name?: string; input?: string }): { executionArn: string; startDate: number } {
    if (request.stateMachineArn !== this.stateMachineArn)
      throw new StepFunctionsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${request.stateMachineArn}'`);
    const name = request.name ?? randomBytes(16).toString('hex');
    const input = request.input ?? '{}';
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${this.options.stateMachineName}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      if (existing.input === input && existing.status === 'RUNNING') return { executionArn, startDate: existing.startDate.getTime() / 1000 };
      throw new StepFunctionsApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new StepFunctionsApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input');
    }
    const record: ExecutionRecord = { executionArn, name, input, startDate: new Date(), status: 'RUNNING' };
    this.executions.set(executionArn, record);
    // a token names its execution, so the waits an ended execution leaves behind (branches a failed Map aborted) close with it
    const tokenPrefix = `${randomBytes(9).toString('base64url')}.`;
    const newToken = () => `${tokenPrefix}${randomBytes(48).toString('base64url')}`;
    const execution = this.machine.run(parsed as never, {
      overrides: { taskResourceLocalHandlers: this.overrides as never },
      // getters, so every wait reads its own token and entry time, as $$.Task.Token and $$.State.EnteredTime do on AWS
      context: {
        Task: {
          get Token() {
            return newToken();
          },
        },
        State: {
          get EnteredTime() {
            return new Date().toISOString();
          },
        },
      } as never,
    });
    this.aborts.set(executionArn, execution.abort);
    execution.result
      .then(
        (output) => {
          Object.assign(record, { status: 'SUCCEEDED', output: JSON.stringify(output), stopDate: new Date() });
        },
        (error: Error) => {
          // stopped through the API (StopExecution): ABORTED, as on AWS, and no failure to report
          if (record.status === 'ABORTED') return;
          const cause = (error as { cause?: Error }).cause ?? error;
          Object.assign(record, { status: 'FAILED', error: `${cause.name}: ${cause.message}`, stopDate: new Date() });
          if (!this.stopping) this.options.onExecutionFailed?.({ executionArn, error: record.error as string });
        },
      )
      .finally(() => {
        this.aborts.delete(executionArn);
        this.closeWaitsOf(tokenPrefix);
      });
    return { executionArn, startDate: record.startDate.getTime() / 1000 };
  }

  sendTaskSuccess(request: { taskToken?: string; output?: string }): Record<string, never> {
    const pending = this.takeToken(String(request.taskToken ?? ''));
    pending.resolve(JSON.parse(request.output ?? '{}'));
    return {};
  }

  sendTaskFailure(request: { taskToken?: string; error?: string; cause?: string }): Record<string, never> {
    const pending = this.takeToken(String(request.taskToken ?? ''));
    pending.reject(Object.assign(new Error(request.cause ?? ''), { name: request.error ?? 'TaskFailed' }));
    return {};
  }

  sendTaskHeartbeat(request: { taskToken?: string }): Record<string, never> {
    const token = String(request.taskToken ?? '');
    const pending = this.tokens.get(token);
    if (!pending || pending.expiresAt <= Date.now()) throw new StepFunctionsApiError('TaskTimedOut', 'Task Timed Out');
    return {};
  }

  describeExecution(request: { executionArn?: string }) {
    const record = this.executions.get(String(request.executionArn));
    if (!record) throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${request.executionArn}'`);
    return {
      executionArn: record.executionArn,
      stateMachineArn: this.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: record.startDate.getTime() / 1000,
      ...(record.stopDate ? { stopDate: record.stopDate.getTime() / 1000 } : {}),
      input: record.input,
      ...(record.output ? { output: record.output } : {}),
      ...(record.error ? { error: record.error } : {}),
    };
  }

  stopExecution(request: { executionArn?: string }) {
    const record = this.executions.get(String(request.executionArn));
    if (!record) throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${request.executionArn}'`);
    // an execution that already ended stays as it ended, as on AWS
    const abort = this.aborts.get(record.executionArn);
    if (!abort) return { stopDate: (record.stopDate ?? new Date()).getTime() / 1000 };
    Object.assign(record, { status: 'ABORTED', stopDate: new Date() });
    abort();
    return { stopDate: Date.now() / 1000 };
  }

  /** Ends every running execution (shutdown); pending waits are dropped like a process crash would drop them. */
  stopAll(): void {
    this.stopping = true;
    for (const abort of this.aborts.values()) abort();
    // settle every open wait so the interpreter's timers are cleared and the process can exit
    for (const pending of this.tokens.values()) pending.reject(Object.assign(new Error('platform stopped'), { name: 'States.Runtime' }));
    this.tokens.clear();
  }

  /** Ends every open wait the way its timeout would (States.Timeout), e.g. after the local clock moved on. */
  timeOutOpenWaits(): void {
    for (const [token, pending] of this.tokens) {
      this.tokens.delete(token);
      pending.reject(Object.assign(new Error('wait timed out (local clock advanced)'), { name: 'States.Timeout' }));
    }
  }

  private closeWaitsOf(tokenPrefix: string): void {
    for (const [token, pending] of this.tokens) {
      if (!token.startsWith(tokenPrefix)) continue;
      this.tokens.delete(token);
      pending.reject(Object.assign(new Error('execution ended'), { name: 'States.Runtime' }));
    }
  }

  /** True while `token` is an open wait of this machine (so a shared endpoint can route callbacks). */
  holdsToken(token: string): boolean {
    return this.tokens.has(token);
  }

  /** True when `executionArn` names an execution of this machine. */
  ownsExecution(executionArn: string): boolean {
    return executionArn.startsWith(`arn:aws:states:${REGION}:${ACCOUNT}:execution:${this.options.stateMachineName}:`);
  }
}

/**
 * The AWS JSON 1.0 protocol endpoint the SDK's SFNClient talks to, for every local state machine:
 * starts go to the machine the ARN names, callbacks to the machine holding the token.
 */
export function serveStepFunctions(machines: readonly LocalStepFunctions[], port: number): Promise<Server> {
  const byArn = (arn: unknown) => machines.find((machine) => machine.stateMachineArn === arn);
  const byExecution = (arn: unknown) => machines.find((machine) => machine.ownsExecution(String(arn)));
  const byToken = (token: unknown) => machines.find((machine) => machine.holdsToken(String(token))) ?? machines[0];
  const missingMachine = (arn: unknown) => new StepFunctionsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  const missingExecution = (arn: unknown) => new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  const operations: Record<string, (body: JsonObject) => unknown> = {
    StartExecution: (body) => (byArn(body.stateMachineArn) ?? throwError(missingMachine(body.stateMachineArn))).startExecution(body),
    SendTaskSuccess: (body) => (byToken(body.taskToken) as LocalStepFunctions).sendTaskSuccess(body),
    SendTaskFailure: (body) => (byToken(body.taskToken) as LocalStepFunctions).sendTaskFailure(body),
    SendTaskHeartbeat: (body) => (byToken(body.taskToken) as LocalStepFunctions).sendTaskHeartbeat(body),
    DescribeExecution: (body) => (byExecution(body.executionArn) ?? throwError(missingExecution(body.executionArn))).describeExecution(body),
    StopExecution: (body) => (byExecution(body.executionArn) ?? throwError(missingExecution(body.executionArn))).stopExecution(body),
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify(body));
      };
      const operation = String(request.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      const run = operations[operation];
      if (!run) return reply(400, { __type: 'UnknownOperationException', message: `local Step Functions does not implement ${operation}` });
      try {
        reply(200, run(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as JsonObject));
      } catch (error) {
        if (error instanceof StepFunctionsApiError) return reply(400, { __type: error.type, message: error.message });
        reply(500, { __type: 'InternalFailure', message: (error as Error).message });
      }
    });
  });
  return listenOn(server, port);
}

function throwError(error: Error): never {
  throw error;
}
