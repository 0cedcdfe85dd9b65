import { expect } from '@playwright/test';
import { expectData, type Schema, type TongbanClient } from '../../../scripts/api/client';
import { type Citizen, staff } from './accounts';
import { sha256Of, type TestFile } from './files';
import { county, planningItem } from './platform';
import { citizenClient, staffClient as staffClientOf } from './tokens';

/**
 * The staff's side of a case through the API (as scripts/demo-day.ts walks it), and cases set up for the pages that
 * show them: filed by a citizen over HTTP, then brought to the state a test needs.
 */
const tenantId = county.tenantId;
const staffClient = (staffId: string) => staffClientOf(tenantId, staffId);
const eventually = { timeout: 30_000, intervals: [200, 500, 1000] };

/** What the journey's citizen enters in the application form of 建设工程规划许可证核发, by the field's label. */
export const planningAnswers = (citizen: Citizen) =>
  ({
    项目名称: '三都水乡宾馆扩建工程',
    建设单位: citizen.name,
    统一社会信用代码: citizen.idNumber,
    建设地点: '三合街道凤羽路8号',
    建设用地规划许可证编号: '地字第522732202600018号',
    '总建筑面积（平方米）': '4860',
    联系人: '韦工',
    联系电话: '13800000003',
  }) as const;

const planningFormData = (citizen: Citizen) => {
  const answers = planningAnswers(citizen);
  return {
    projectName: answers.项目名称,
    constructionUnit: answers.建设单位,
    unifiedSocialCreditCode: answers.统一社会信用代码,
    projectAddress: answers.建设地点,
    landUsePermitNumber: answers.建设用地规划许可证编号,
    totalFloorAreaSquareMetres: Number(answers['总建筑面积（平方米）']),
    contactName: answers.联系人,
    phone: answers.联系电话,
  };
};

export interface FiledCase {
  readonly caseId: string;
  readonly queryCode: string;
  readonly applicant: TongbanClient;
}

/** A planning permit application filed online by the citizen in their own name, as the apply page files it. */
export async function fileAPlanningCase(citizen: Citizen): Promise<FiledCase> {
  const applicant = await citizenClient(citizen.phone);
  const filed = expectData(
    'POST cases',
    await applicant.POST('/v1/tenants/{tenantId}/cases', {
      params: { path: { tenantId } },
      body: {
        itemCode: planningItem.code,
        applicant: { kind: citizen.kind, name: citizen.name, idType: citizen.idType, idNumber: citizen.idNumber, phone: citizen.phone },
        formData: planningFormData(citizen),
      },
    }),
  );
  return { caseId: filed.caseId, queryCode: filed.receipt.queryCode, applicant };
}

/** A material uploaded as the page does it: declared, PUT to the presigned URL, completed (verified by the server). */
export async function uploadMaterial(filed: FiledCase, materialId: string, file: TestFile): Promise<void> {
  const path = { tenantId, caseId: filed.caseId, materialId };
  const ticket = expectData(
    `POST uploads ${materialId}`,
    await filed.applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads', {
      params: { path },
      body: { fileName: file.name, contentType: file.mimeType, sizeBytes: file.buffer.length, sha256: sha256Of(file) },
    }),
  );
  const put = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(file.buffer) });
  expect(put.ok, `PUT ${materialId}: HTTP ${put.status}`).toBe(true);
  expectData(
    `POST complete ${materialId}`,
    await filed.applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads/{uploadId}/complete', {
      params: { path: { ...path, uploadId: ticket.uploadId } },
    }),
  );
}

/** The window clerk's 一次性告知: every material to supply, with its reason, at once. */
export async function sendOneTimeNotice(caseId: string, items: readonly { materialId: string; reason: string }[]): Promise<void> {
  const clerk = await staffClient(staff.clerk);
  expectData(
    'POST acceptance supplement',
    await clerk.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', {
      params: { path: { tenantId, caseId } },
      body: { decision: 'supplement', items: [...items] },
    }),
  );
}

/** The window clerk accepts the case (受理). */
export async function acceptCase(caseId: string): Promise<void> {
  const clerk = await staffClient(staff.clerk);
  expectData(
    'POST acceptance accept',
    await clerk.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', { params: { path: { tenantId, caseId } }, body: { decision: 'accept' } }),
  );
}

type StaffCaseView = Schema<'CaseView'>;

async function staffViewOf(caseId: string): Promise<StaffCaseView> {
  const clerk = await staffClient(staff.clerk);
  return expectData('GET workbench case', await clerk.GET('/v1/tenants/{tenantId}/workbench/cases/{caseId}', { params: { path: { tenantId, caseId } } }));
}

/** Each department's handler approves its task (the workflow sends the tasks in parallel after acceptance). */
export async function approveByEveryDepartment(caseId: string): Promise<void> {
  let tasks: StaffCaseView['tasks'] = [];
  await expect
    .poll(
      async () => {
        tasks = (await staffViewOf(caseId)).tasks;
        return tasks.length > 0 && tasks.every((task) => task.status === 'pending');
      },
      { ...eventually, message: `the department tasks of ${caseId}` },
    )
    .toBe(true);
  for (const task of tasks) {
    const handlerId = staff.handlers[task.deptId];
    if (!handlerId) throw new Error(`no handler of ${task.deptId} in the test accounts`);
    const handler = await staffClient(handlerId);
    expectData(
      `POST decision ${task.deptId}`,
      await handler.POST('/v1/tenants/{tenantId}/tasks/{taskId}/decision', {
        params: { path: { tenantId, taskId: task.taskId } },
        body: { decision: 'approve', comment: '同意' },
      }),
    );
  }
}

/** Waits until the case is completed and its certificate issued (the certificate queue works after completion); answers its number. */
export async function certificateOf(caseId: string): Promise<string> {
  let certificateNo: string | undefined;
  await expect
    .poll(
      async () => {
        const view = await staffViewOf(caseId);
        certificateNo = view.status === 'completed' ? view.certificates.find((certificate) => certificate.status === 'valid')?.certificateNo : undefined;
        return certificateNo;
      },
      { ...eventually, message: `the certificate of ${caseId}` },
    )
    .toBeTruthy();
  return certificateNo as string;
}

/** The case's status as the window sees it. */
export const statusOf = async (caseId: string): Promise<Schema<'CaseStatus'>> => (await staffViewOf(caseId)).status;

/** The window hands the result over (窗口出件) once the applicant chose pickup. */
export async function handOver(caseId: string): Promise<void> {
  const clerk = await staffClient(staff.clerk);
  expectData(
    'POST handover',
    await clerk.POST('/v1/tenants/{tenantId}/cases/{caseId}/delivery/handover', { params: { path: { tenantId, caseId } }, body: {} }),
  );
}

/** A case the window sent a 一次性告知 for, naming one material. */
export async function aCaseWithANotice(citizen: Citizen, missing: { materialId: string; reason: string }): Promise<FiledCase> {
  const filed = await fileAPlanningCase(citizen);
  await sendOneTimeNotice(filed.caseId, [missing]);
  return filed;
}

/** A case accepted, approved by every department and completed, with its certificate issued. */
export async function aCompletedCase(citizen: Citizen): Promise<FiledCase & { readonly certificateNo: string }> {
  const filed = await fileAPlanningCase(citizen);
  await acceptCase(filed.caseId);
  await approveByEveryDepartment(filed.caseId);
  return { ...filed, certificateNo: await certificateOf(filed.caseId) };
}
