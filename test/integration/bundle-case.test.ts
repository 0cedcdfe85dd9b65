import { anApplicant } from '../support/fixtures';
import { aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

type Field = { key: string; type: string; required: boolean; options?: string[] };

/** A plausible value for a form field of the given type, as an applicant would enter it. */
const valueFor = (field: Field): unknown =>
  ({ number: 1, date: '2026-11-20', select: field.options?.[0], idNumber: '52273220261120001X', phone: '13800000000', boolean: true })[field.type] ??
  `${field.key}-值`;

/** 卫健局 works the 出生医学证明 of the bundle; config/local/staff.yaml has no handler of it in 三都县. */
const healthHandler = { tenantId: TENANT, staffId: 'WJJ-007', name: '潘卫健', role: 'handler', deptId: 'WJJ', phone: '13985270083' } as const;

describe('given the 新生儿出生一件事 bundle of 三都县', () => {
  const running = aPlatformForThisFile([], { staff: [healthHandler] });

  it('then one application with the merged form is routed to every department of its items in parallel and completes', async () => {
    const applicant = await applicantApi(running, anApplicant());
    const guide = await running.api.get<{ formFields: Field[]; departments: { deptId: string }[]; items: { code: string }[] }>(`${B}/bundles/XSECS`);
    const formData = Object.fromEntries(guide.body.formFields.filter((field) => field.required).map((field) => [field.key, valueFor(field)]));

    const filed = await applicant.post<{ caseId: string; itemVersion: number }>(`${B}/cases`, { bundleCode: 'XSECS', applicant: anApplicant(), formData });
    expect(filed.status).toBe(201);
    const view = await applicant.get<{ item: { code: string; bundleOf: { code: string }[] } }>(`${B}/cases/${filed.body.caseId}`);
    expect(view.body.item.code).toBe('XSECS');
    expect(view.body.item.bundleOf.map((member) => member.code)).toEqual(guide.body.items.map((item) => item.code));

    await (await staffApi(running, TENANT, 'CK-01')).post(`${B}/cases/${filed.body.caseId}/acceptance`, { decision: 'accept' });
    const departments = [...new Set(guide.body.departments.map((department) => department.deptId))];
    for (const deptId of departments) {
      // each department's own handler (工号 <dept>-007) lists and decides its task
      const handler = await staffApi(running, TENANT, `${deptId}-007`);
      const task = await eventually(async () =>
        (await handler.get<{ tasks: { taskId: string; caseId: string }[] }>(`${B}/departments/${deptId}/tasks`)).body.tasks.find(
          (candidate) => candidate.caseId === filed.body.caseId,
        ),
      );
      expect((await handler.post(`${B}/tasks/${task.taskId}/decision`, { decision: 'approve' })).status).toBe(200);
    }
    const done = await eventually(async () => {
      const reply = await applicant.get<{ status: string; tasks: unknown[] }>(`${B}/cases/${filed.body.caseId}`);
      return reply.body.status === 'completed' ? reply.body : undefined;
    });
    expect(done.tasks).toHaveLength(departments.length);
  });

  it('then an unknown bundle, or an item code given as a bundle, is a 404 and a body with both codes a 400', async () => {
    const applicant = await applicantApi(running, anApplicant());
    expect((await applicant.post(`${B}/cases`, { bundleCode: 'NOPE', applicant: anApplicant(), formData: {} })).body.code).toBe('BUNDLE_NOT_FOUND');
    expect((await applicant.post(`${B}/cases`, { bundleCode: 'GTGH-0001', applicant: anApplicant(), formData: {} })).body.code).toBe('BUNDLE_NOT_FOUND');
    expect((await applicant.post(`${B}/cases`, { itemCode: 'GTGH-0001', bundleCode: 'XSECS', applicant: anApplicant(), formData: {} })).status).toBe(400);
  });
});
