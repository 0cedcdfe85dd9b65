/**
 * `npm run bench`: drives whole cases through the local platform and reports latency percentiles
 * per API route and per case (submit → completed). Figures come from one run on this machine;
 * compare them as ratios between runs, never as absolute promises. CASES=n sets the case count.
 * Every call is signed in, as in production: the applicant with a real-name account, the window
 * clerk and each department's handler through the local providers (signing in is not timed). The calls go
 * through the typed client (scripts/api/client.ts), as the scripts and the web front end make them.
 */
import { createClient, expectData, type RequestBody } from '../../scripts/api/client';
import { anApplicant, aPublishedItem } from '../support/fixtures';
import {
  aDataDirectory,
  apiClient,
  asCitizen,
  asStaffMember,
  enrolApplicant,
  eventually,
  givenARunningPlatform,
  removeDataDirectory,
  type RunningPlatform,
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
    const path = { tenantId: TENANT };
    const typed = (headers: Record<string, string>) => createClient({ baseUrl: platform.url, headers });
    const applicant = typed(await asCitizen(running, enrolApplicant(running, anApplicant())));
    const window = typed(await asStaffMember(running, TENANT, 'CK-01'));
    const handlers = {
      SCJGJ: typed(await asStaffMember(running, TENANT, 'SCJGJ-007')),
      SWJ: typed(await asStaffMember(running, TENANT, 'SWJ-007')),
    };
    const runStarted = performance.now();
    for (let index = 0; index < CASES; index += 1) {
      const caseStarted = performance.now();
      const { caseId } = await timed('POST cases', async () =>
        expectData(
          'POST cases',
          await applicant.POST('/v1/tenants/{tenantId}/cases', {
            params: { path },
            body: { itemCode: item.code, applicant: anApplicant() as RequestBody<'CreateCase'>['applicant'], formData: { businessName: `压测${index}` } },
          }),
        ),
      );
      await timed('POST acceptance', async () =>
        expectData(
          'POST acceptance',
          await window.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', { params: { path: { ...path, caseId } }, body: { decision: 'accept' } }),
        ),
      );
      for (const deptId of ['SCJGJ', 'SWJ'] as const) {
        const handler = handlers[deptId];
        const task = await eventually(async () =>
          (
            await timed('GET department tasks', async () =>
              expectData(
                'GET department tasks',
                await handler.GET('/v1/tenants/{tenantId}/departments/{deptId}/tasks', { params: { path: { ...path, deptId }, query: { limit: 100 } } }),
              ),
            )
          ).tasks.find((candidate) => candidate.caseId === caseId),
        );
        await timed('POST decision', async () =>
          expectData(
            'POST decision',
            await handler.POST('/v1/tenants/{tenantId}/tasks/{taskId}/decision', {
              params: { path: { ...path, taskId: task.taskId } },
              body: { decision: 'approve' },
            }),
          ),
        );
      }
      await eventually(async () =>
        (
          await timed('GET case', async () =>
            expectData('GET case', await applicant.GET('/v1/tenants/{tenantId}/cases/{caseId}', { params: { path: { ...path, caseId } } })),
          )
        ).status === 'completed'
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
