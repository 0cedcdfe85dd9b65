/**
 * One complete case flow over HTTP, as the people do it (docs/api.md): the applicant files online and uploads every
 * material the item takes as a file (declare, PUT to the presigned URL, complete), the window accepts, the handler of
 * each department claims and approves its task, the applicant reads the case until it is completed, rates it and sees
 * its certificate. Every call goes through the typed client and the drill's ledger (./requests.ts), which retries what
 * the crashes interrupt; at the end the flow's answered idempotent requests are replayed with their keys.
 */
import { createHash } from 'node:crypto';
import { createClient, describeRefusal, type Schema, type TongbanClient } from '../api/client';
import type { People } from './people';
import { pause } from './processes';
import type { RequestLedger } from './requests';
import { aOnePagePdf } from '../api/sample-files';

type Guide = Schema<'ItemGuide'>;

export interface FlowContext {
  readonly baseUrl: string;
  readonly tenantId: string;
  readonly guide: Guide;
  readonly people: People;
  readonly ledger: RequestLedger;
  /** How long a step may wait for the asynchronous work it needs (the workflow's tasks, the case's completion, the certificate). */
  readonly stepTimeoutMs: number;
}

export interface FlowOutcome {
  readonly flow: number;
  readonly caseId?: string;
  readonly completed: boolean;
  /** Why it stopped, when it did not complete. */
  readonly failure?: string;
}

class FlowFailed extends Error {}

/** The materials a flow uploads: those the guide takes as a PDF file, not only by reference to the certificate library. */
export const uploadableMaterials = (guide: Guide): Guide['materials'] =>
  guide.materials.filter((material) => material.electronicAccepted && !material.fromCertificateLibrary && material.fileTypes.includes('pdf'));

/**
 * About how many requests a flow sends when nothing goes wrong: the filing, three per material (declare, PUT, complete),
 * the acceptance, two per department (claim, decision), the review, half a dozen reads while the workflow and the
 * queues work, and a replay of each idempotent call (filing, acceptance, decisions, review). It paces the faults.
 */
export const requestsPerFlow = (guide: Guide): number => {
  const departments = guide.approval.departments.length;
  return 3 + 3 * uploadableMaterials(guide).length + 2 * departments + 6 + (3 + departments);
};

/** A form that fits the guide: one plausible value per field type. */
function formFor(guide: Guide, people: People): Record<string, unknown> {
  const values: Record<Guide['formFields'][number]['type'], (field: Guide['formFields'][number]) => unknown> = {
    text: () => '故障演练',
    number: () => 1,
    boolean: () => true,
    date: () => new Date().toISOString().slice(0, 10),
    select: (field) => field.options?.[0],
    idNumber: () => people.applicant.idNumber,
    phone: () => people.applicant.phone,
  };
  return Object.fromEntries(guide.formFields.map((field) => [field.key, values[field.type](field)]));
}

/** The data of the expected answer, or the flow stops with what was answered instead. */
function answered<T>(what: string, reply: { data?: T; error?: unknown; response: Response }): T {
  if (reply.response.ok && reply.data !== undefined) return reply.data;
  throw new FlowFailed(`${what} → ${describeRefusal(reply.response, reply.error)}`);
}

export async function runFlow(context: FlowContext, flow: number): Promise<FlowOutcome> {
  const { tenantId, guide, people, ledger } = context;
  const client = (token: string): TongbanClient => createClient({ baseUrl: context.baseUrl, token, fetch: ledger.fetchFor(flow) });
  const applicant = client(people.applicantToken);
  const window = client(people.windowToken);
  let caseId: string | undefined;
  /** Reads again every 2 s until `probe` has its answer; the flow stops when the step's time is up. */
  const eventually = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + context.stepTimeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new FlowFailed(`${what}: not within ${context.stepTimeoutMs / 1000} s`);
      await pause(2_000);
    }
  };
  try {
    const filed = answered(
      'file the application',
      await applicant.POST('/v1/tenants/{tenantId}/cases', {
        params: { path: { tenantId } },
        body: { itemCode: guide.code, applicant: people.applicant, formData: formFor(guide, people) },
      }),
    );
    caseId = filed.caseId;
    const onCase = { tenantId, caseId };
    for (const material of uploadableMaterials(guide)) {
      const bytes = aOnePagePdf(`${caseId} ${material.id}`);
      const onMaterial = { ...onCase, materialId: material.id };
      const declared = answered(
        `declare ${material.id}`,
        await applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads', {
          params: { path: onMaterial },
          body: {
            fileName: `${material.id}.pdf`,
            contentType: 'application/pdf',
            sizeBytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          },
        }),
      );
      const put = await ledger.putToPresignedUrl(flow, declared.uploadUrl, declared.headers, bytes);
      // a PUT whose first attempt got no answer may have stored the bytes: `if-none-match: *` then answers 412, and
      // the completion below verifies what is stored, size and checksum
      if (!put.ok && put.status !== 412) throw new FlowFailed(`PUT ${material.id} → ${put.status}`);
      const verified = answered(
        `complete ${material.id}`,
        await applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/materials/{materialId}/uploads/{uploadId}/complete', {
          params: { path: { ...onMaterial, uploadId: declared.uploadId } },
        }),
      );
      if (verified.status !== 'verified') throw new FlowFailed(`complete ${material.id} → ${verified.status}`);
    }
    answered('accept', await window.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', { params: { path: onCase }, body: { decision: 'accept' } }));
    const departments = guide.approval.departments.map((department) => department.deptId);
    const tasks = await eventually('every department holds a pending task', async () => {
      const view = answered('read the case (window)', await window.GET('/v1/tenants/{tenantId}/workbench/cases/{caseId}', { params: { path: onCase } }));
      const pending = view.tasks.filter((task) => task.status === 'pending');
      return departments.every((deptId) => pending.some((task) => task.deptId === deptId)) ? pending : undefined;
    });
    for (const task of tasks) {
      const handler = client(people.handlerTokens.get(task.deptId) as string);
      const onTask = { tenantId, taskId: task.taskId };
      answered(`claim the ${task.deptId} task`, await handler.POST('/v1/tenants/{tenantId}/tasks/{taskId}/claim', { params: { path: onTask } }));
      answered(
        `approve the ${task.deptId} task`,
        await handler.POST('/v1/tenants/{tenantId}/tasks/{taskId}/decision', { params: { path: onTask }, body: { decision: 'approve', comment: '同意' } }),
      );
    }
    const readCase = async () =>
      answered('read the case (applicant)', await applicant.GET('/v1/tenants/{tenantId}/cases/{caseId}', { params: { path: onCase } }));
    await eventually('the case completes', async () => ((await readCase()).status === 'completed' ? true : undefined));
    answered(
      'rate the service',
      await applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/reviews', {
        params: { path: onCase },
        body: { touchpoint: 'completion', level: '满意', channel: 'web' },
      }),
    );
    await eventually('the certificate is issued', async () => ((await readCase()).certificates.length > 0 ? true : undefined));
    for (const request of ledger.replayable(flow)) await ledger.replay(request);
    return { flow, caseId, completed: true };
  } catch (error) {
    return { flow, ...(caseId ? { caseId } : {}), completed: false, failure: (error as Error).message };
  }
}
