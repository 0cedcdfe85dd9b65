/**
 * `npm run conformance`: a scenario suite over HTTP against any deployment, local or on AWS, that prints one line per
 * rule of the regulations it exercises (`PASS|FAIL|SKIP <rule> — <detail>`) and ends with `N passed, N failed, N skipped`.
 *
 *   npm run conformance -- --base-url https://api.example.gov.cn --tenant 522732 --citizen-token @citizen.jwt \
 *     --applicant @applicant.json --window-token @window.jwt --handler-token GTJ=@gtj.jwt --handler-token ZJJ=@zjj.jwt \
 *     --handler-token GAJ=@gaj.jwt --supervisor-token @supervisor.jwt
 *   npm run conformance -- --local-data-dir .data          # against npm start, signing in through its providers
 *
 * Every call goes through the typed client (scripts/api/client.ts), and every answer is also held to the document the
 * deployment publishes (GET /v1/openapi.json). The scenarios are in scenarios.ts, the local drill in drill.ts, and
 * docs/operations.md ("Conformance suite") says what each rule checks and what cannot be checked on AWS.
 * Exit codes: 0 no rule failed; 1 a rule failed; 2 bad arguments, or the deployment could not be reached or signed in to.
 */
import type { OpenApiDocumentLike } from '../../test/support/openapi-validator';
import { createClient, expectData } from '../api/client';
import { localEndpoints, resolveCallers, SetupError } from './callers';
import { type DrillClock, type LocalDrill, localDrill } from './drill';
import { parseConformanceArguments, usage, UsageError } from './options';
import { check, Report } from './report';
import { runScenarios } from './scenarios';
import { ContractObserver, WorkingDays } from './support';

export interface ConformanceHost {
  /** Where the lines go (stdout by default). */
  readonly write?: (line: string) => void;
  /** The drill clock, when the local platform runs in this process (test/integration/conformance.test.ts). */
  readonly clock?: DrillClock;
}

/** Runs the suite; resolves to the exit code. */
export async function main(argv: readonly string[], host: ConformanceHost = {}): Promise<number> {
  const write = host.write ?? ((line: string) => console.log(line));
  let options;
  try {
    options = parseConformanceArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`✗ ${error.message}\n${usage.split('\n').slice(0, 4).join('\n')}\n  (npm run conformance -- --help: every option and rule)`);
    return 2;
  }
  if (options.help) {
    write(usage);
    return 0;
  }
  try {
    const baseUrl = (options.baseUrl ?? localEndpoints(options.localDataDir as string).url ?? '').replace(/\/+$/, '');
    const anyone = createClient({ baseUrl });
    let guide;
    try {
      guide = expectData(
        `GET /v1/tenants/${options.tenantId}/items/${options.itemCode}`,
        await anyone.GET('/v1/tenants/{tenantId}/items/{itemCode}', { params: { path: { tenantId: options.tenantId, itemCode: options.itemCode } } }),
      );
    } catch (error) {
      throw new SetupError(`事项指南不可用 / The guide of ${options.itemCode} in ${options.tenantId} at ${baseUrl}: ${(error as Error).message}`);
    }
    const observer = new ContractObserver();
    const callers = await resolveCallers(
      options,
      guide.approval.departments.map((department) => department.deptId),
      observer.middleware,
      baseUrl,
    );
    const drill: LocalDrill | undefined = options.localDataDir ? localDrill(options.localDataDir, host.clock) : undefined;
    write(`Tongban conformance: ${baseUrl}, county ${options.tenantId} (${guide.tenant.name}), item ${guide.code} ${guide.name} v${guide.version}`);
    write(`  callers: ${callers.described.join('; ') || 'none'}`);
    write(
      `  time: ${drill ? (drill.movesTime ? 'the drill clock of the platform in this process' : 'the local drill (receipts moved back in the local table)') : 'no clock control'}`,
    );
    const report = new Report(write);
    const document = await callers.anyone.GET('/v1/openapi.json');
    if (document.response.ok && document.data) observer.use(document.data as unknown as OpenApiDocumentLike, baseUrl);
    await runScenarios({
      tenantId: options.tenantId,
      guide,
      callers,
      calendar: new WorkingDays(callers.anyone, options.tenantId),
      report,
      timeoutMs: options.timeoutMs,
      ...(drill ? { drill } : {}),
      ...(options.deemedCaseId ? { deemedCaseId: options.deemedCaseId } : {}),
    });
    await report.evaluate('publishedContract', async () => {
      check(document.response.ok, `GET /v1/openapi.json answered ${document.response.status}`);
      const problems = observer.problems();
      check(problems.length === 0, `${problems.length} answer(s) not as documented: ${problems.slice(0, 3).join(' | ')}`);
      return `${observer.answers} answers of ${observer.operations()} operations matched the document ${baseUrl}/v1/openapi.json serves`;
    });
    write(report.summary());
    return report.count('FAIL') > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`✗ ${error.message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`✗ ${error.stack ?? error.message}`);
      process.exit(2);
    },
  );
}
