import type { LocalPlatform } from '../../infra/local/platform';
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
    const { body } = await api.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, {
      itemCode: item.code,
      applicant: anApplicant(),
      formData: { businessName: '重启测试' },
    });
    await api.post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'accept' });
    const taskOf = (deptId: string) =>
      eventually(async () =>
        (await api.get<TaskList>(`/v1/tenants/${TENANT}/departments/${deptId}/tasks`)).body.tasks.find((task) => task.caseId === body.caseId),
      );
    const lead = await taskOf('SCJGJ');
    const taxBefore = await taskOf('SWJ');
    await api.post(`/v1/tenants/${TENANT}/tasks/${lead.taskId}/decision`, { decision: 'approve' });
    // the tax office is in a 现场勘察 when the platform goes down
    expect(
      (
        await api.post(`/v1/tenants/${TENANT}/tasks/${taxBefore.taskId}/decision`, {
          decision: 'suspend',
          procedure: '现场勘察',
          reason: '核实经营场所',
          expectedDays: 1,
        })
      ).status,
    ).toBe(200);

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
    const stillSuspended = await eventually(async () =>
      (await api.get<TaskList>(`/v1/tenants/${TENANT}/departments/SWJ/tasks?status=suspended`)).body.tasks.find((task) => task.caseId === body.caseId),
    );
    expect(stillSuspended.taskId).toBe(taxBefore.taskId);
    expect((await api.post(`/v1/tenants/${TENANT}/tasks/${taxBefore.taskId}/decision`, { decision: 'resume' })).body).toMatchObject({
      status: 'pending',
      delivery: 'delivered',
    });
    const tax = await taskOf('SWJ');
    const decided = await api.post(`/v1/tenants/${TENANT}/tasks/${tax.taskId}/decision`, { decision: 'approve' });
    expect(decided).toMatchObject({ status: 200, body: { decision: 'approve', status: 'approved' } });
    const done = await eventually(async () => {
      const view = await api.get<{ status: string; timeline: { type: string }[] }>(`/v1/tenants/${TENANT}/cases/${body.caseId}`);
      return view.body.status === 'completed' ? view.body : undefined;
    });
    expect(done.timeline.filter((event) => event.type === 'DepartmentTaskDecided')).toHaveLength(2);
  });
});
