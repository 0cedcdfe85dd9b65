import { anApplicant, aPublishedItem } from '../support/fixtures';
import {
  aDataDirectory,
  apiClient,
  applicantApi,
  eventually,
  givenARunningPlatform,
  removeDataDirectory,
  type RunningPlatform,
  staffApi,
} from './support/platform';

type TaskList = { tasks: { taskId: string; caseId: string }[] };

const TENANT = '522732';
const item = aPublishedItem({ tenantId: TENANT });
/** Handlers of the item's two departments (市场监管局 leads, 税务局 works alongside), which config/local/staff.yaml does not have. */
const handlers = [
  { tenantId: TENANT, staffId: 'SCJGJ-007', name: '韦明亮', role: 'handler' as const, deptId: 'SCJGJ', phone: '13985279011' },
  { tenantId: TENANT, staffId: 'SWJ-007', name: '吴春花', role: 'handler' as const, deptId: 'SWJ', phone: '13985279012' },
];

describe('given a case in approval when the local platform stops and starts again', () => {
  const running = { dataDir: aDataDirectory() } as RunningPlatform;
  /** Starts (or restarts) the platform on the file's data directory; a restarted platform signs everyone in afresh. */
  const start = async () => {
    running.platform = await givenARunningPlatform(running.dataDir, [item], { staff: handlers });
    running.api = apiClient(running.platform.url);
  };

  afterAll(async () => {
    await running.platform?.stop();
    removeDataDirectory(running.dataDir);
  });

  it('then the case is kept, its approval resumes, and a decision made before the stop still counts', async () => {
    await start();
    const application = { itemCode: item.code, applicant: anApplicant(), formData: { businessName: '重启测试' } };
    const { body } = await (await applicantApi(running, application.applicant)).post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, application);
    await (await staffApi(running, TENANT, 'CK-01')).post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
    const handlerOf = (deptId: string) => staffApi(running, TENANT, `${deptId}-007`);
    const taskOf = async (deptId: string) => {
      const handler = await handlerOf(deptId);
      return eventually(async () =>
        (await handler.get<TaskList>(`/v1/tenants/${TENANT}/departments/${deptId}/tasks`)).body.tasks.find((task) => task.caseId === body.caseId),
      );
    };
    const lead = await taskOf('SCJGJ');
    const taxBefore = await taskOf('SWJ');
    await (await handlerOf('SCJGJ')).post(`/v1/tenants/${TENANT}/tasks/${lead.taskId}/decision`, { decision: 'approve' });
    // the tax office is in a 现场勘察 when the platform goes down
    const taxHandlerBefore = await handlerOf('SWJ');
    expect(
      (
        await taxHandlerBefore.post(`/v1/tenants/${TENANT}/tasks/${taxBefore.taskId}/decision`, {
          decision: 'suspend',
          procedure: '现场勘察',
          reason: '核实经营场所',
          expectedDays: 1,
        })
      ).status,
    ).toBe(200);

    await running.platform.stop();
    await start();
    const window = await staffApi(running, TENANT, 'CK-01');
    const taxHandler = await handlerOf('SWJ');

    const kept = await window.get<{ status: string }>(`/v1/tenants/${TENANT}/workbench/cases/${body.caseId}`);
    expect(kept).toMatchObject({ status: 200, body: { status: 'in_approval' } });
    // SWJ was pending with the lost execution's token: the resumed execution re-issues it with a fresh one
    await eventually(async () => {
      const view = await window.get<{ timeline: { type: string }[] }>(`/v1/tenants/${TENANT}/workbench/cases/${body.caseId}`);
      return view.body.timeline.some((event) => event.type === 'DepartmentTaskReissued') ? true : undefined;
    });
    const stillSuspended = await eventually(async () =>
      (await taxHandler.get<TaskList>(`/v1/tenants/${TENANT}/departments/SWJ/tasks?status=suspended`)).body.tasks.find((task) => task.caseId === body.caseId),
    );
    expect(stillSuspended.taskId).toBe(taxBefore.taskId);
    expect((await taxHandler.post(`/v1/tenants/${TENANT}/tasks/${taxBefore.taskId}/decision`, { decision: 'resume' })).body).toMatchObject({
      status: 'pending',
      delivery: 'delivered',
    });
    const tax = await taskOf('SWJ');
    const decided = await taxHandler.post(`/v1/tenants/${TENANT}/tasks/${tax.taskId}/decision`, { decision: 'approve' });
    expect(decided).toMatchObject({ status: 200, body: { decision: 'approve', status: 'approved' } });
    const done = await eventually(async () => {
      const view = await window.get<{ status: string; timeline: { type: string }[] }>(`/v1/tenants/${TENANT}/workbench/cases/${body.caseId}`);
      return view.body.status === 'completed' ? view.body : undefined;
    });
    expect(done.timeline.filter((event) => event.type === 'DepartmentTaskDecided')).toHaveLength(2);
  });
});
