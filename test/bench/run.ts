/**
 * `npm run bench`: drives whole cases through the local platform and reports latency percentiles
 * per API route and per case (submit → completed). Figures come from one run on this machine;
 * compare them as ratios between runs, never as absolute promises. CASES=n sets the case count.
 * Every call is signed in, as in production: the applicant with a real-name account, the window
 * clerk and each department's handler through the local providers (signing in is not timed).
 */
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
} from '../integration/support/platform';

const CASES = Number(process.env.CASES ?? 40);
const TENANT = '522732';
/** The handlers of the item's two departments, besides the accounts of config/local/staff.yaml. */
const departmentHandlers = [
  { tenantId: TENANT, staffId: 'SCJGJ-007', name: '韦市监', role: 'handler', deptId: 'SCJGJ', phone: '13985270081' },
  { tenantId: TENANT, staffId: 'SWJ-007', name: '蒙税务', role: 'handler', deptId: 'SWJ', phone: '13985270082' },
] as const;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const dataDir = aDataDirectory();
  const item = aPublishedItem({ tenantId: TENANT });
  const platform = await givenARunningPlatform(dataDir, [item], { staff: departmentHandlers });
  const running: RunningPlatform = { platform, api: apiClient(platform.url), dataDir };
  const samples = new Map<string, number[]>();
  const timed = async <T>(label: string, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await call();
    samples.set(label, [...(samples.get(label) ?? []), performance.now() - started]);
    return result;
  };
  try {
    const applicant = await applicantApi(running, anApplicant());
    const window = await staffApi(running, TENANT, 'CK-01');
    const handlers = {
      SCJGJ: await staffApi(running, TENANT, 'SCJGJ-007'),
      SWJ: await staffApi(running, TENANT, 'SWJ-007'),
    };
    const runStarted = performance.now();
    for (let index = 0; index < CASES; index += 1) {
      const caseStarted = performance.now();
      const { body } = await timed('POST cases', () =>
        applicant.post<{ caseId: string }>(`/v1/tenants/${TENANT}/cases`, {
          itemCode: item.code,
          applicant: anApplicant(),
          formData: { businessName: `压测${index}` },
        }),
      );
      await timed('POST acceptance', () => window.post(`/v1/tenants/${TENANT}/cases/${body.caseId}/acceptance`, { decision: 'accept' }));
      for (const deptId of ['SCJGJ', 'SWJ'] as const) {
        const handler = handlers[deptId];
        const task = await eventually(async () =>
          (
            await timed('GET department tasks', () =>
              handler.get<{ tasks: { taskId: string; caseId: string }[] }>(`/v1/tenants/${TENANT}/departments/${deptId}/tasks?limit=100`),
            )
          ).body.tasks.find((candidate) => candidate.caseId === body.caseId),
        );
        await timed('POST decision', () => handler.post(`/v1/tenants/${TENANT}/tasks/${task.taskId}/decision`, { decision: 'approve' }));
      }
      await eventually(async () =>
        (await timed('GET case', () => applicant.get<{ status: string }>(`/v1/tenants/${TENANT}/cases/${body.caseId}`))).body.status === 'completed'
          ? true
          : undefined,
      );
      samples.set('case submit→completed', [...(samples.get('case submit→completed') ?? []), performance.now() - caseStarted]);
    }
    const seconds = (performance.now() - runStarted) / 1000;
    console.log(`\nTongban local benchmark: ${CASES} cases, 2 parallel departments each, ${seconds.toFixed(1)} s (${(CASES / seconds).toFixed(2)} cases/s)\n`);
    console.log('| measure | n | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|');
    for (const [label, values] of samples) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `| ${label} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
      );
    }
  } finally {
    await platform.stop();
    removeDataDirectory(dataDir);
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
