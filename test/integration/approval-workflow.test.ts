import { SFNClient } from '@aws-sdk/client-sfn';
import { answerTaskToken } from '../../functions/shared/task-token';
import { WorkflowSignal, workflowSignals } from '../../functions/shared/workflow-signals';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { renderWorkflow, workflow } from '../../infra/definitions/workflows';
import { freePort, type RunningEngine, startFauxqs } from '../../infra/local/engines';
import { ensureQueues } from '../../infra/local/resources';
import { LocalStepFunctions, serveStepFunctions } from '../../infra/local/step-functions';
import { aDataDirectory, eventually, removeDataDirectory } from './support/platform';

/**
 * The approval ASL itself, on the local interpreter with the real SQS emulator: the functions it
 * calls are collaborators scripted per case, so every path of the machine is driven directly.
 */
type TaskMessage = { taskToken: string; caseId: string; taskId: string; deptId: string; timeoutSeconds: number };
type Call = { name: string; payload: { caseId: string; taskId?: string; deptId?: string } };

const TENANT = '522732';

describe('given the approval state machine on the local interpreter', () => {
  let fauxqs: RunningEngine;
  let machine: LocalStepFunctions;
  let server: { close(callback: () => void): void };
  let sqs: SQSClient;
  let sfn: SFNClient;
  let queueUrl: string;
  const dataDir = aDataDirectory();
  const calls: Call[] = [];
  /** What the wait-recomputing function answers for a task, by task id (default: wait a minute more). */
  const nextWait = new Map<string, { timeoutSeconds: number; closed?: boolean; deptId?: string }[]>();
  const received: TaskMessage[] = [];

  beforeAll(async () => {
    fauxqs = await startFauxqs(await freePort(), dataDir);
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    sqs = new SQSClient({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials });
    queueUrl = (await ensureQueues(sqs)).get('DepartmentTaskQueue') as string;
    machine = new LocalStepFunctions({
      definition: renderWorkflow(workflow('ApprovalWorkflow'), {
        DepartmentTaskQueueUrl: queueUrl,
        EscalateTaskFunctionArn: 'escalate',
        CompleteApprovalFunctionArn: 'complete',
      }),
      stateMachineName: 'approval-paths',
      sqs,
      invokeFunction: async (name, payload) => {
        const typed = payload as Call['payload'];
        calls.push({ name, payload: typed });
        if (name === 'complete') return { caseId: typed.caseId, status: 'concluded' };
        const scripted = nextWait.get(String(typed.taskId))?.shift() ?? { timeoutSeconds: 60 };
        // as functions/approval/escalate-task/handler.ts: a closed task is a signal the machine catches
        if (scripted.closed) throw new WorkflowSignal(workflowSignals.taskClosed, 'closed with its case');
        return { ...typed, closed: false, ...scripted };
      },
    });
    const port = await freePort();
    server = await serveStepFunctions([machine], port);
    sfn = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials });
  });

  afterAll(async () => {
    machine.stopAll();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fauxqs.stop();
    removeDataDirectory(dataDir);
  });

  /** The next message the machine sent for this task (the department queue is shared by every case of the file). */
  const messageFor = (taskId: string, after = 0) =>
    eventually(async () => {
      const page = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
      for (const message of page.Messages ?? []) {
        received.push(JSON.parse(message.Body as string) as TaskMessage);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      }
      return received.filter((message) => message.taskId === taskId)[after];
    });

  const start = (caseId: string, tasks: { taskId: string; deptId: string; timeoutSeconds?: number }[], maxConcurrency: 0 | 1 = 0) =>
    machine.startExecution({
      stateMachineArn: machine.stateMachineArn,
      name: caseId,
      input: JSON.stringify({ tenantId: TENANT, caseId, maxConcurrency, tasks: tasks.map((task) => ({ timeoutSeconds: 60, ...task })) }),
    });

  /** Answers a wait as the platform's callbacks do (functions/shared/task-token.ts): a denial or a reschedule as the wait's failure. */
  const answer = (token: string, body: { outcome: string; decision?: string; [fact: string]: unknown }) => answerTaskToken(sfn, token, body);
  const decided = (message: TaskMessage, decision: 'approve' | 'deny') =>
    answer(message.taskToken, {
      outcome: 'decided',
      taskId: message.taskId,
      deptId: message.deptId,
      decision,
      ...(decision === 'deny' ? { reason: '不符合条件' } : {}),
    });
  const finished = (executionArn: string) =>
    eventually(async () => {
      const described = machine.describeExecution({ executionArn });
      return described.status === 'RUNNING' ? undefined : described;
    });
  const callsFor = (caseId: string, name: string) => calls.filter((call) => call.name === name && call.payload.caseId === caseId);

  it('when every department approves, then the join concludes the case once', async () => {
    const { executionArn } = start('ALL-APPROVE', [
      { taskId: 'A1', deptId: 'GTJ' },
      { taskId: 'A2', deptId: 'ZJJ' },
    ]);
    await decided(await messageFor('A1'), 'approve');
    await decided(await messageFor('A2'), 'approve');
    expect((await finished(executionArn)).status).toBe('SUCCEEDED');
    expect(callsFor('ALL-APPROVE', 'complete')).toHaveLength(1);
    expect(callsFor('ALL-APPROVE', 'escalate')).toHaveLength(0);
  });

  it('when one department denies, then the others stop waiting (their tokens answer TaskTimedOut) and the join concludes', async () => {
    const { executionArn } = start('ONE-DENIES', [
      { taskId: 'D1', deptId: 'GTJ' },
      { taskId: 'D2', deptId: 'ZJJ' },
    ]);
    const other = await messageFor('D2');
    await decided(await messageFor('D1'), 'deny');
    expect((await finished(executionArn)).status).toBe('SUCCEEDED');
    expect(callsFor('ONE-DENIES', 'complete')).toHaveLength(1);
    await expect(decided(other, 'approve')).resolves.toBe('token-expired');
  });

  it('when a suspended department resumes (or a task is moved), then the wait is recomputed and re-sent with a fresh token for the current department', async () => {
    nextWait.set('R1', [{ timeoutSeconds: 120, deptId: 'ZJJ' }]);
    const { executionArn } = start('RESCHEDULED', [{ taskId: 'R1', deptId: 'GTJ' }]);
    const first = await messageFor('R1');
    await answer(first.taskToken, { outcome: 'rescheduled', taskId: 'R1' });
    const second = await messageFor('R1', 1);
    expect(second).toMatchObject({ deptId: 'ZJJ', timeoutSeconds: 120 });
    expect(second.taskToken).not.toBe(first.taskToken);
    await expect(decided(first, 'approve')).resolves.toBe('token-expired');
    await decided(second, 'approve');
    expect((await finished(executionArn)).status).toBe('SUCCEEDED');
    expect(callsFor('RESCHEDULED', 'escalate')).toHaveLength(1);
  });

  it('when waits time out twice (yellow, then red), then each timeout escalates and waits again; a late callback on an old token is TaskTimedOut', async () => {
    nextWait.set('E1', [{ timeoutSeconds: 1 }, { timeoutSeconds: 60 }]);
    const { executionArn } = start('ESCALATED', [{ taskId: 'E1', deptId: 'GTJ', timeoutSeconds: 1 }]);
    const first = await messageFor('E1');
    const second = await messageFor('E1', 1);
    const third = await messageFor('E1', 2);
    expect([first.timeoutSeconds, second.timeoutSeconds, third.timeoutSeconds]).toEqual([1, 1, 60]);
    expect(callsFor('ESCALATED', 'escalate')).toHaveLength(2);
    await expect(decided(first, 'approve')).resolves.toBe('token-expired');
    await expect(decided(second, 'approve')).resolves.toBe('token-expired');
    await decided(third, 'approve');
    expect((await finished(executionArn)).status).toBe('SUCCEEDED');
  });

  it('when the escalation finds the task closed (cancelled with its case), then that branch ends without waiting again', async () => {
    nextWait.set('C1', [{ timeoutSeconds: 1, closed: true }]);
    const { executionArn } = start('CLOSED', [{ taskId: 'C1', deptId: 'GTJ', timeoutSeconds: 1 }]);
    await messageFor('C1');
    expect((await finished(executionArn)).status).toBe('SUCCEEDED');
    expect(callsFor('CLOSED', 'complete')).toHaveLength(1);
  });

  it('when the chain is serial, then the next department is asked only after the previous one approved', async () => {
    const { executionArn } = start(
      'SERIAL',
      [
        { taskId: 'S1', deptId: 'GTJ' },
        { taskId: 'S2', deptId: 'ZJJ' },
      ],
      1,
    );
    const firstStage = await messageFor('S1');
    // the second stage has not been sent while the first is open
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 })).then(async (page) => {
      for (const message of page.Messages ?? []) received.push(JSON.parse(message.Body as string) as TaskMessage);
    });
    expect(received.some((message) => message.taskId === 'S2')).toBe(false);
    await decided(firstStage, 'approve');
    await decided(await messageFor('S2'), 'approve');
    expect((await finished(executionArn)).status).toBe('SUCCEEDED');
  });
});
