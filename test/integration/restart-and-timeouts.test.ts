import { SFNClient, SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { renderWorkflow, workflow } from '../../infra/definitions/workflows';
import { freePort, type RunningEngine, startFauxqs } from '../../infra/local/engines';
import type { LocalPlatform } from '../../infra/local/platform';
import { ensureQueues } from '../../infra/local/resources';
import { LocalStepFunctions, serveStepFunctions } from '../../infra/local/step-functions';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import { aDataDirectory, apiClient, eventually, givenARunningPlatform, removeDataDirectory } from './support/platform';

type TaskList = { tasks: { taskId: string; caseId: string }[] };

const TENANT = '522732';
const item = aPublishedItem({ tenantId: TENANT });

describe('given a case in approval when the local platform stops and starts again', () => {
  const dataDir = aDataDirectory();
  let platform: LocalPlatform | undefined;

  afterAll(async () => {
    await platform?.stop();
    removeDataDirectory(dataDir);
  });

  it('then the case is kept, its approval resumes, and a decision made before the stop still counts', async () => {
    platform = await givenARunningPlatform(dataDir, [item]);
    let api = apiClient(platform.url);
    const { body } = await api.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, { itemCode: item.code, applicant: anApplicant(), formData: { businessName: '重启测试' } });
    await api.post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
    const taskOf = (deptId: string) =>
      eventually(async () => (await api.get<TaskList>(`/v1/tenants/${TENANT}/departments/${deptId}/tasks`)).body.tasks.find((task) => task.caseId === body.caseId));
    const lead = await taskOf('SCJGJ');
    await taskOf('SWJ');
    await api.post(`/v1/tenants/${TENANT}/tasks/${lead.taskId}/decision`, { decision: 'approve' });

    await platform.stop();
    platform = await givenARunningPlatform(dataDir, [item]);
    api = apiClient(platform.url);

    const kept = await api.get<{ status: string }>(`/v1/tenants/${TENANT}/cases/${body.caseId}`);
    expect(kept).toMatchObject({ status: 200, body: { status: 'in_approval' } });
    // SWJ was pending with the lost execution's token: the resumed execution re-issues it with a fresh one
    await eventually(async () => {
      const view = await api.get<{ timeline: { type: string }[] }>(`/v1/tenants/${TENANT}/cases/${body.caseId}`);
      return view.body.timeline.some((event) => event.type === 'DepartmentTaskReissued') ? true : undefined;
    });
    const tax = await taskOf('SWJ');
    const decided = await api.post(`/v1/tenants/${TENANT}/tasks/${tax.taskId}/decision`, { decision: 'approve' });
    expect(decided).toMatchObject({ status: 200, body: { delivery: 'delivered' } });
    const done = await eventually(async () => {
      const view = await api.get<{ status: string; timeline: { type: string }[] }>(`/v1/tenants/${TENANT}/cases/${body.caseId}`);
      return view.body.status === 'completed' ? view.body : undefined;
    });
    expect(done.timeline.filter((event) => event.type === 'DepartmentTaskDecided')).toHaveLength(2);
  });
});

describe('given the approval ASL on the local interpreter with a department wait of one second', () => {
  let fauxqs: RunningEngine;
  let stepFunctions: LocalStepFunctions;
  let server: { close(callback: () => void): void };
  let sqs: SQSClient;
  let sfn: SFNClient;
  let queueUrl: string;
  const dataDir = aDataDirectory();
  const escalations: unknown[] = [];

  beforeAll(async () => {
    fauxqs = await startFauxqs(await freePort(), dataDir);
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    sqs = new SQSClient({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials });
    queueUrl = (await ensureQueues(sqs)).get('DepartmentTaskQueue') as string;
    stepFunctions = new LocalStepFunctions({
      definition: renderWorkflow(workflow('ApprovalWorkflow'), { DepartmentTaskQueueUrl: queueUrl, EscalateTaskFunctionArn: 'escalate', CompleteApprovalFunctionArn: 'complete' }),
      stateMachineName: 'probe',
      sqs,
      // the functions the workflow calls are collaborators here: escalation grants a long second wait
      invokeFunction: async (name, payload) => {
        if (name === 'escalate') {
          escalations.push(payload);
          return { ...(payload as object), timeoutSeconds: 60 };
        }
        return { completed: payload };
      },
    });
    const port = await freePort();
    server = await serveStepFunctions([stepFunctions], port);
    sfn = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials });
  });

  afterAll(async () => {
    stepFunctions.stopAll();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fauxqs.stop();
    removeDataDirectory(dataDir);
  });

  const nextTaskMessage = async () =>
    eventually(async () => {
      const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 1 }));
      const body = received.Messages?.[0]?.Body;
      return body ? (JSON.parse(body) as { taskToken: string; timeoutSeconds: number }) : undefined;
    });

  it('then the wait times out after TimeoutSecondsPath (read from the state input, as on AWS), escalates, re-sends with a fresh token, and the old token answers TaskTimedOut', async () => {
    const started = stepFunctions.startExecution({
      stateMachineArn: stepFunctions.stateMachineArn,
      name: 'timeout-probe',
      input: JSON.stringify({ tenantId: TENANT, caseId: 'C1', tasks: [{ taskId: 'T1', deptId: 'SCJGJ', timeoutSeconds: 1 }] }),
    });
    const first = await nextTaskMessage();
    expect(first.timeoutSeconds).toBe(1);
    const second = await nextTaskMessage();
    expect(second.timeoutSeconds).toBe(60);
    expect(second.taskToken).not.toBe(first.taskToken);
    expect(escalations).toEqual([{ tenantId: TENANT, caseId: 'C1', taskId: 'T1', deptId: 'SCJGJ' }]);

    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: first.taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);

    await sfn.send(new SendTaskSuccessCommand({ taskToken: second.taskToken, output: JSON.stringify({ taskId: 'T1', deptId: 'SCJGJ', decision: 'approve' }) }));
    const finished = await eventually(async () => {
      const described = stepFunctions.describeExecution({ executionArn: started.executionArn });
      return described.status === 'SUCCEEDED' ? described : undefined;
    });
    expect(JSON.parse(finished.output as string)).toEqual({
      completed: { tenantId: TENANT, caseId: 'C1', departmentResults: [{ taskId: 'T1', deptId: 'SCJGJ', decision: 'approve' }] },
    });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: second.taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });
});
