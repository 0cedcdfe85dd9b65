/**
 * `npm run bench`: drives whole cases through the local platform and reports latency percentiles
 * per API route and per case (submit → completed), first one case at a time, then CONCURRENT cases at
 * once, with the throughput of each and their ratio; and a raw DynamoDB Local GetItem and PutItem in the
 * same run, the baseline the routes are compared with. Figures come from one run on this machine;
 * compare them as ratios, never as absolute promises. CASES=n sets the cases of each phase (default 20),
 * CONCURRENT=n the cases in flight in the second (default 10).
 * Every call is signed in, as in production: the applicant with a real-name account, the window
 * clerk and each department's handler through the local providers (signing in is not timed). The calls go
 * through the typed client (scripts/api/client.ts), as the scripts and the web front end make them.
 */
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
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

const CASES = Number(process.env.CASES ?? 20);
const CONCURRENT = Number(process.env.CONCURRENT ?? 10);
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
    const runCase = async (index: number, phase: string) => {
      const caseStarted = performance.now();
      const { caseId } = await timed(`POST cases (${phase})`, async () =>
        expectData(
          'POST cases',
          await applicant.POST('/v1/tenants/{tenantId}/cases', {
            params: { path },
            body: { itemCode: item.code, applicant: anApplicant() as RequestBody<'CreateCase'>['applicant'], formData: { businessName: `压测${index}` } },
          }),
        ),
      );
      await timed(`POST acceptance (${phase})`, async () =>
        expectData(
          'POST acceptance',
          await window.POST('/v1/tenants/{tenantId}/cases/{caseId}/acceptance', { params: { path: { ...path, caseId } }, body: { decision: 'accept' } }),
        ),
      );
      for (const deptId of ['SCJGJ', 'SWJ'] as const) {
        const handler = handlers[deptId];
        const task = await eventually(async () =>
          (
            await timed(`GET department tasks (${phase})`, async () =>
              expectData(
                'GET department tasks',
                await handler.GET('/v1/tenants/{tenantId}/departments/{deptId}/tasks', { params: { path: { ...path, deptId }, query: { limit: 100 } } }),
              ),
            )
          ).tasks.find((candidate) => candidate.caseId === caseId),
        );
        await timed(`POST decision (${phase})`, async () =>
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
          await timed(`GET case (${phase})`, async () =>
            expectData('GET case', await applicant.GET('/v1/tenants/{tenantId}/cases/{caseId}', { params: { path: { ...path, caseId } } })),
          )
        ).status === 'completed'
          ? true
          : undefined,
      );
      samples.set(`case submit→completed (${phase})`, [...(samples.get(`case submit→completed (${phase})`) ?? []), performance.now() - caseStarted]);
    };
    /** Runs `count` cases with `inFlight` at a time; the cases per second of the phase. */
    const phase = async (label: string, count: number, inFlight: number, offset: number) => {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < count) await runCase(offset + next++, label);
        }),
      );
      return count / ((performance.now() - started) / 1000);
    };
    const oneAtATime = await phase('1 at a time', CASES, 1, 0);
    const concurrent = await phase(`${CONCURRENT} at once`, CASES, CONCURRENT, CASES);
    const raw = await rawDynamoDb(platform.environment);
    const p50 = (label: string) =>
      percentile(
        [...(samples.get(label) ?? [])].sort((a, b) => a - b),
        50,
      );
    console.log(`\nTongban local benchmark: ${CASES} cases one at a time, then ${CASES} with ${CONCURRENT} in flight, 2 parallel departments each\n`);
    console.log(`| throughput | cases/s |\n|---|---|`);
    console.log(
      `| 1 at a time | ${oneAtATime.toFixed(2)} |\n| ${CONCURRENT} at once | ${concurrent.toFixed(2)} |\n| ratio | ×${(concurrent / oneAtATime).toFixed(2)} |\n`,
    );
    console.log(`| route p50 against raw DynamoDB Local (same run) | ms | ratio |\n|---|---|---|`);
    console.log(`| raw GetItem | ${raw.get.toFixed(2)} | ×1 |\n| raw PutItem | ${raw.put.toFixed(2)} | ×1 |`);
    console.log(`| GET case | ${p50('GET case (1 at a time)').toFixed(1)} | ×${(p50('GET case (1 at a time)') / raw.get).toFixed(1)} of GetItem |`);
    console.log(`| POST cases | ${p50('POST cases (1 at a time)').toFixed(1)} | ×${(p50('POST cases (1 at a time)') / raw.put).toFixed(1)} of PutItem |\n`);
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

/** The p50 of a raw GetItem and PutItem on DynamoDB Local, one client at a time, in the same run as the routes. */
async function rawDynamoDb(environment: Readonly<Record<string, string>>): Promise<{ get: number; put: number }> {
  const client = new DynamoDBClient({
    endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const TableName = environment.TABLE_NAME;
  const key = (index: number) => ({ PK: { S: `T#${TENANT}#BENCH#${index}` }, SK: { S: 'BENCH' } });
  const timings = { get: [] as number[], put: [] as number[] };
  for (let index = 0; index < 200; index += 1) {
    let started = performance.now();
    await client.send(new PutItemCommand({ TableName, Item: { ...key(index), entity: { S: 'Bench' } } }));
    timings.put.push(performance.now() - started);
    started = performance.now();
    await client.send(new GetItemCommand({ TableName, Key: key(index), ConsistentRead: true }));
    timings.get.push(performance.now() - started);
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return { get: median(timings.get), put: median(timings.put) };
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
