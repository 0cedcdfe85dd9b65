/**
 * `npm run drill -- --flows N --kills K`: the fault drill of issue 16. On a fresh temporary data directory and a free
 * port (never a developer's .data), it starts the real local platform as a child process, runs N complete case flows
 * over HTTP a few at a time (./flow.ts) while it crashes the platform K times and restarts it, freezes and kills each
 * engine once and poisons every queue (./faults.ts); then it waits for the event chain to settle, reads DynamoDB
 * directly (./findings.ts) and prints one table of what it did and what was lost or wrong (./report.ts).
 *
 * docs/operations.md ("Fault drill") says what each figure means. Exit codes: 0 nothing lost or wrong; 1 a lost-or-wrong
 * figure is not 0; 2 bad arguments, or the platform did not start or did not come back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/local/engines';
import { queueDefinitions } from '../../infra/definitions/queues';
import type { Schema } from '../api/client';
import { FaultSchedule, seededRandom } from './faults';
import { type Findings, TableReader } from './findings';
import { type FlowContext, type FlowOutcome, requestsPerFlow, runFlow, uploadableMaterials } from './flow';
import { parseDrillArguments, usage, UsageError } from './options';
import { signInPeople } from './people';
import { deadLetterDepths } from './poison';
import { DrillPlatform, StartFailed } from './platform-process';
import { pause } from './processes';
import { type DrillReport, judgeRequests, passed, renderReport } from './report';
import { RequestLedger } from './requests';
import { servedRoutes } from './routes';

/**
 * A message a crash caught in flight comes back after its queue's visibility timeout (as with Lambda on AWS); the
 * longest is the certificate queue's. Waits of the flows and of the settling outlast it.
 */
const LONGEST_VISIBILITY_MS = Math.max(...queueDefinitions.map((queue) => queue.visibilityTimeoutSeconds)) * 1000;
const STEP_TIMEOUT_MS = LONGEST_VISIBILITY_MS + 60_000;
/** The figures must hold still this long (or be all 0) before they are judged; twice that at most. */
const SETTLE_QUIET_MS = LONGEST_VISIBILITY_MS + 30_000;

const say = (line: string) => console.log(line);

/** Runs `count` flows, `concurrency` at a time. */
async function inPool(count: number, concurrency: number, run: (flow: number) => Promise<FlowOutcome>): Promise<FlowOutcome[]> {
  const outcomes: FlowOutcome[] = [];
  let next = 1;
  const worker = async () => {
    while (next <= count) {
      const flow = next;
      next += 1;
      const outcome = await run(flow);
      say(outcome.completed ? `✓ flow ${flow}: case ${outcome.caseId} completed` : `✗ flow ${flow}: ${outcome.failure}`);
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return outcomes.sort((a, b) => a.flow - b.flow);
}

const nothingLeftToArrive = (findings: Findings): boolean =>
  Object.values(findings.lostEvents).every((lost) => lost.length === 0) &&
  findings.casesWithoutOneCertificate.length === 0 &&
  findings.casesNotInFinalState.length === 0;

/** Reads the findings every 5 s until nothing is missing, or they stop changing (bounded): the event chain has settled. */
async function settle(reader: TableReader, tenantId: string, caseIds: readonly string[]): Promise<{ findings: Findings; seconds: number }> {
  const startedAt = Date.now();
  let findings = await reader.findings(tenantId, caseIds);
  let lastChange = Date.now();
  while (!nothingLeftToArrive(findings) && Date.now() - lastChange < SETTLE_QUIET_MS && Date.now() - startedAt < 2 * SETTLE_QUIET_MS) {
    await pause(5_000);
    const next = await reader.findings(tenantId, caseIds);
    if (JSON.stringify(next) !== JSON.stringify(findings)) lastChange = Date.now();
    findings = next;
  }
  return { findings, seconds: Math.round((Date.now() - startedAt) / 1000) };
}

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseDrillArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`✗ ${error.message}\n${usage.split('\n')[0]}\n  (npm run drill -- --help)`);
    return 2;
  }
  if (options.help) {
    say(usage);
    return 0;
  }
  const startedAt = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-drill-'));
  const platform = new DrillPlatform(dataDir, await freePort(), `/v1/tenants/${options.tenantId}/items/${options.itemCode}`);
  const faults = new FaultSchedule(platform, options.kills, seededRandom(options.seed), startedAt, say);
  let cleaned: Promise<string> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      faults.thaw();
      const outcome = await platform.stop();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
      return outcome;
    })());
  // Ctrl-C of the drill: the platform stopped, the orphans reaped, the data directory removed, as at the end
  for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => void cleanUp().then(() => process.exit(130)));

  try {
    say(`… starting the local platform (data ${dataDir}, port ${platform.port})`);
    await platform.start();
    const routes = await servedRoutes(platform.url);
    const guideAnswer = await fetch(`${platform.url}/v1/tenants/${options.tenantId}/items/${options.itemCode}`);
    if (!guideAnswer.ok) throw new UsageError(`事项不存在 / No item ${options.itemCode} in ${options.tenantId}: GET its guide → ${guideAnswer.status}`);
    const guide = (await guideAnswer.json()) as Schema<'ItemGuide'>;
    if (uploadableMaterials(guide).length === 0)
      throw new UsageError(`${options.itemCode} 没有可上传的材料 / ${options.itemCode} takes no material as a PDF file: pick another --item`);
    const departments = guide.approval.departments.map((department) => department.deptId);
    const people = await signInPeople(dataDir, options.tenantId, departments);
    say(`✓ serving ${platform.url}; ${people.described}`);
    const ledger = new RequestLedger(routes, Date.now().toString(36));
    const context: FlowContext = { baseUrl: platform.url, tenantId: options.tenantId, guide, people, ledger, stepTimeoutMs: STEP_TIMEOUT_MS };

    let flowsRunning = true;
    const flows = inPool(options.flows, options.concurrency, (flow) => runFlow(context, flow)).finally(() => {
      flowsRunning = false;
    });
    await faults.run({ running: () => flowsRunning, sent: () => ledger.requests.length, expectedRequests: options.flows * requestsPerFlow(guide) });
    const outcomes = await flows;
    say('… waiting for the event chain to settle');
    const caseIds = outcomes.flatMap((outcome) => outcome.caseId ?? []);
    const { findings, seconds: settleSeconds } = await settle(new TableReader(platform.endpoints()), options.tenantId, caseIds);
    const depths = await deadLetterDepths(platform.endpoints());
    const orphanedEngines = platform.orphansLeft;
    const platformStop = await cleanUp();
    const judged = judgeRequests(ledger.requests);
    const notCompleted = outcomes.filter((outcome) => !outcome.completed);
    const report: DrillReport = {
      run: {
        flows: options.flows,
        kills: options.kills,
        concurrency: options.concurrency,
        tenantId: options.tenantId,
        itemCode: options.itemCode,
        seed: options.seed,
        seconds: Math.round((Date.now() - startedAt) / 1000),
        settleSeconds,
        dataDir,
        dataKept: options.keepData,
        people: people.described,
      },
      load: {
        flowsStarted: outcomes.length,
        flowsCompleted: outcomes.length - notCompleted.length,
        requestsSent: judged.sent,
        attempts: judged.attempts,
        retried: judged.retried,
        replays: judged.replays,
        eventsChecked: findings.eventsChecked,
        noticesExpected: findings.noticesExpected,
      },
      faults: {
        ...faults.figures,
        orphanedEngines,
        restartsNeedingOrphansKilled: platform.restartsNeedingOrphansKilled,
        platformStop,
        deadLetterDepths: depths,
      },
      lostOrWrong: {
        lostEventsAuditTrail: findings.lostEvents.auditTrail.length,
        lostEventsSupervisionCounters: findings.lostEvents.supervisionCounters.length,
        lostEventsNotifier: findings.lostEvents.notifier.length,
        completedCasesWithoutOneCertificate: findings.casesWithoutOneCertificate.length,
        retriesWithoutTheirFirstReply: judged.retriesWithoutTheirFirstReply.length,
        replaysWithAnotherReply: judged.replaysWithAnotherReply.length,
        serverErrorsOtherThan503: judged.serverErrorsOtherThan503.reduce((sum, error) => sum + error.count, 0),
        casesNotInExpectedFinalState: findings.casesNotInFinalState.length,
        casesNoReplyNamed: findings.casesNoReplyNamed.length,
        requestsGivenUp: judged.requestsGivenUp.length,
        flowsNotCompleted: notCompleted.length,
      },
      details: {
        lostEvents: findings.lostEvents,
        casesWithoutOneCertificate: findings.casesWithoutOneCertificate,
        retriesWithoutTheirFirstReply: judged.retriesWithoutTheirFirstReply,
        replaysWithAnotherReply: judged.replaysWithAnotherReply,
        serverErrorsOtherThan503: judged.serverErrorsOtherThan503,
        casesNotInExpectedFinalState: findings.casesNotInFinalState,
        casesNoReplyNamed: findings.casesNoReplyNamed,
        requestsGivenUp: judged.requestsGivenUp,
        flowsNotCompleted: notCompleted,
        platformOutput: platform.noteworthyLines(),
      },
    };
    say(`\n${renderReport(report)}`);
    if (options.jsonFile) writeFileSync(options.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    return passed(report) ? 0 : 1;
  } catch (error) {
    await cleanUp();
    if (error instanceof UsageError || error instanceof StartFailed) {
      console.error(`✗ ${error.message}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`✗ ${error.stack ?? error.message}`);
    process.exit(2);
  },
);
