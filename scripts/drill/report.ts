/**
 * The drill's report: what it did (load and faults) and what it found lost or wrong, each of which must be 0. Printed as
 * one table, written as JSON with --json; test/integration/fault-drill.test.ts reads the JSON.
 */
import type { FaultFigures } from './faults';
import type { Findings } from './findings';
import type { FlowOutcome } from './flow';
import type { NoteworthyLine } from './platform-process';
import { type SentRequest, sameReply } from './requests';
import { s3Upload } from './routes';

export interface DrillReport {
  readonly run: {
    readonly flows: number;
    readonly kills: number;
    readonly concurrency: number;
    readonly tenantId: string;
    readonly itemCode: string;
    readonly seed: number;
    readonly seconds: number;
    readonly settleSeconds: number;
    readonly dataDir: string;
    readonly dataKept: boolean;
    readonly people: string;
  };
  readonly load: {
    readonly flowsStarted: number;
    readonly flowsCompleted: number;
    readonly requestsSent: number;
    readonly attempts: number;
    /** Requests sent more than once because an attempt got no answer or a 503. */
    readonly retried: number;
    readonly replays: number;
    readonly eventsChecked: number;
    readonly noticesExpected: number;
  };
  readonly faults: FaultFigures & {
    /** Engine processes still running after their platform was killed (reaped when the drill ends). */
    readonly orphanedEngines: number;
    readonly restartsNeedingOrphansKilled: number;
    readonly platformStop: string;
    readonly deadLetterDepths: Record<string, number>;
  };
  /** Every figure here must be 0. */
  readonly lostOrWrong: {
    readonly lostEventsAuditTrail: number;
    readonly lostEventsSupervisionCounters: number;
    readonly lostEventsNotifier: number;
    readonly completedCasesWithoutOneCertificate: number;
    readonly retriesWithoutTheirFirstReply: number;
    readonly replaysWithAnotherReply: number;
    readonly serverErrorsOtherThan503: number;
    readonly casesNotInExpectedFinalState: number;
    readonly casesNoReplyNamed: number;
    readonly requestsGivenUp: number;
    readonly flowsNotCompleted: number;
  };
  readonly details: {
    readonly lostEvents: Findings['lostEvents'];
    readonly casesWithoutOneCertificate: Findings['casesWithoutOneCertificate'];
    readonly retriesWithoutTheirFirstReply: { readonly flow: number; readonly route: string; readonly attempts: string }[];
    readonly replaysWithAnotherReply: { readonly flow: number; readonly route: string; readonly first: string; readonly replay: string }[];
    readonly serverErrorsOtherThan503: { readonly route: string; readonly status: number; readonly code?: string; readonly count: number }[];
    readonly casesNotInExpectedFinalState: Findings['casesNotInFinalState'];
    readonly casesNoReplyNamed: Findings['casesNoReplyNamed'];
    readonly requestsGivenUp: { readonly flow: number; readonly route: string; readonly attempts: string }[];
    readonly flowsNotCompleted: FlowOutcome[];
    readonly platformOutput: NoteworthyLine[];
  };
}

/** Columns on a terminal: a Chinese character takes two. */
const displayWidth = (text: string): number => [...text].reduce((width, character) => width + (/[\u2e80-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1), 0);

/** An attempt as one word: its status (and code), or how the connection failed. */
const attemptsOf = (request: SentRequest): string =>
  request.attempts
    .map((attempt) => (attempt.status !== undefined ? `${attempt.status}${attempt.code ? ` ${attempt.code}` : ''}` : attempt.failure))
    .join(' → ');

const replyOf = (reply: SentRequest['reply']): string => (reply ? `${reply.status} ${JSON.stringify(reply.body).slice(0, 160)}` : 'none');

/** A retried request met the route's success, or, for a presigned PUT, the 412 that says its lost first attempt stored the bytes. */
const gotItsReply = (request: SentRequest): boolean =>
  request.reply !== undefined && (request.reply.status === request.route.successStatus || (request.route === s3Upload && request.reply.status === 412));

/** The ledger's half of the report: what the requests met. */
export function judgeRequests(requests: readonly SentRequest[]) {
  const retried = requests.filter((request) => request.attempts.length > 1);
  const retriesWithoutTheirFirstReply = retried
    .filter((request) => !request.replayOf && !request.givenUp && !gotItsReply(request))
    .map((request) => ({ flow: request.flow, route: request.route.name, attempts: attemptsOf(request) }));
  const replays = requests.filter((request) => request.replayOf);
  const replaysWithAnotherReply = replays
    .filter((replay) => !replay.givenUp && !sameReply(replay.reply, replay.replayOf?.reply))
    .map((replay) => ({ flow: replay.flow, route: replay.route.name, first: replyOf(replay.replayOf?.reply), replay: replyOf(replay.reply) }));
  const serverErrors = new Map<string, { route: string; status: number; code?: string; count: number }>();
  for (const request of requests) {
    for (const attempt of request.attempts) {
      if (attempt.status === undefined || attempt.status < 500 || attempt.status === 503) continue;
      const key = `${request.route.name} ${attempt.status} ${attempt.code ?? ''}`;
      const known = serverErrors.get(key) ?? { route: request.route.name, status: attempt.status, ...(attempt.code ? { code: attempt.code } : {}), count: 0 };
      serverErrors.set(key, { ...known, count: known.count + 1 });
    }
  }
  return {
    sent: requests.length,
    attempts: requests.reduce((sum, request) => sum + request.attempts.length, 0),
    retried: retried.length,
    replays: replays.length,
    retriesWithoutTheirFirstReply,
    replaysWithAnotherReply,
    serverErrorsOtherThan503: [...serverErrors.values()],
    requestsGivenUp: requests
      .filter((request) => request.givenUp)
      .map((request) => ({ flow: request.flow, route: request.route.name, attempts: attemptsOf(request) })),
  };
}

/** Whether the drill passed: every lost-or-wrong figure is 0. */
export const passed = (report: DrillReport): boolean => Object.values(report.lostOrWrong).every((figure) => figure === 0);

const labels: Record<keyof DrillReport['lostOrWrong'], string> = {
  lostEventsAuditTrail: 'lost events: audit trail (审计)',
  lostEventsSupervisionCounters: 'lost events: supervision counters (电子监察)',
  lostEventsNotifier: 'lost events: notifier (短信通知)',
  completedCasesWithoutOneCertificate: 'completed cases without exactly one certificate',
  retriesWithoutTheirFirstReply: 'retries without their first reply',
  replaysWithAnotherReply: 'replays answered differently',
  serverErrorsOtherThan503: 'answers 5xx other than 503',
  casesNotInExpectedFinalState: 'cases not in their expected final state',
  casesNoReplyNamed: 'cases no reply named (filed twice)',
  requestsGivenUp: `requests given up (only 503 or no answer)`,
  flowsNotCompleted: 'flows not completed',
};

/** The report as the table the drill prints. */
export function renderReport(report: DrillReport): string {
  const rows: string[] = [];
  const row = (label: string, value: string | number) => rows.push(`  ${label}${' '.repeat(Math.max(1, 54 - displayWidth(label)))}${value}`);
  const { run, load, faults, lostOrWrong, details } = report;
  const minutes = `${Math.floor(run.seconds / 60)} min ${run.seconds % 60} s`;
  rows.push(
    `故障演练 Fault drill: ${run.flows} flows of ${run.itemCode} (${run.tenantId}), ${run.kills} kills, concurrency ${run.concurrency}, seed ${run.seed}: ${minutes}`,
  );
  rows.push(`  ${run.people}`);
  rows.push(`  data: ${run.dataDir} (${run.dataKept ? 'kept' : 'removed'}); settled after ${run.settleSeconds} s`);
  rows.push('Load 负载');
  row('flows started / completed', `${load.flowsStarted} / ${load.flowsCompleted}`);
  row('requests sent, replays included (attempts)', `${load.requestsSent} (${load.attempts})`);
  row('requests retried (after no answer or 503)', load.retried);
  row('replays of answered requests (same key and body)', load.replays);
  row('events checked in the table (notices they call for)', `${load.eventsChecked} (${load.noticesExpected})`);
  rows.push('Faults 故障');
  row('platform kills (kill -9) / restarts', `${faults.platformKills} / ${faults.restarts} (${faults.killsDuringFlows} during flows)`);
  row('orphaned engines left by the kills', `${faults.orphanedEngines} (reaped at the end)`);
  row('restarts that needed the orphans killed', faults.restartsNeedingOrphansKilled);
  row('engine freezes (SIGSTOP 8 s) DynamoDB Local / fauxqs', `${faults.engineFreezes.dynamodb} / ${faults.engineFreezes.fauxqs}`);
  row('engine kills / restarted: DynamoDB Local', `${faults.engineKills.dynamodb} / ${faults.engineRestarts.dynamodb}`);
  row('engine kills / restarted: fauxqs', `${faults.engineKills.fauxqs} / ${faults.engineRestarts.fauxqs}`);
  row('poison messages sent', faults.poisonMessages);
  row(
    'dead-letter queues at the end',
    Object.entries(faults.deadLetterDepths)
      .map(([queue, depth]) => `${queue} ${depth}`)
      .join(', ') || '—',
  );
  row('platform stop (SIGINT)', faults.platformStop);
  rows.push('Lost or wrong 丢失或错误 (each must be 0)');
  for (const [figure, label] of Object.entries(labels)) row(label, lostOrWrong[figure as keyof typeof labels]);
  rows.push(`Result: ${passed(report) ? 'PASS — nothing lost, nothing wrong' : 'FAIL'}`);

  const list = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    rows.push(title);
    for (const line of lines.slice(0, 12)) rows.push(`  ${line}`);
    if (lines.length > 12) rows.push(`  … ${lines.length - 12} more (see --json)`);
  };
  const lostLines = (consumer: string, lost: readonly { caseId: string; eventId: string; type: string }[]) =>
    lost.map((event) => `${consumer}: ${event.type} ${event.eventId} of case ${event.caseId}`);
  list('Lost events', [
    ...lostLines('audit', details.lostEvents.auditTrail),
    ...lostLines('supervision', details.lostEvents.supervisionCounters),
    ...lostLines('notifier', details.lostEvents.notifier),
  ]);
  list(
    'Completed cases without exactly one certificate',
    details.casesWithoutOneCertificate.map((found) => `${found.caseId}: ${found.pointers} pointer(s), ${found.certificates} certificate(s)`),
  );
  list(
    'Retries without their first reply',
    details.retriesWithoutTheirFirstReply.map((retry) => `flow ${retry.flow} ${retry.route}: ${retry.attempts}`),
  );
  list(
    'Replays answered differently',
    details.replaysWithAnotherReply.map((replay) => `flow ${replay.flow} ${replay.route}: first ${replay.first} / replay ${replay.replay}`),
  );
  list(
    'Answers 5xx other than 503',
    details.serverErrorsOtherThan503.map((error) => `${error.route}: ${error.status}${error.code ? ` ${error.code}` : ''} ×${error.count}`),
  );
  list(
    'Cases not in their expected final state (completed and rated)',
    details.casesNotInExpectedFinalState.map((found) => `${found.caseId}: ${found.status}${found.rated ? '' : ', not rated'}`),
  );
  list(
    'Cases no reply named',
    details.casesNoReplyNamed.map((found) => `${found.caseId}: ${found.status}`),
  );
  list(
    'Requests given up',
    details.requestsGivenUp.map((request) => `flow ${request.flow} ${request.route}: ${request.attempts}`),
  );
  list(
    'Flows not completed',
    details.flowsNotCompleted.map((outcome) => `flow ${outcome.flow}${outcome.caseId ? ` (${outcome.caseId})` : ''}: ${outcome.failure}`),
  );
  list('Faults, in order', faults.timeline);
  list(
    "The platform's output: ✗/⚠ lines and error logs, most frequent first",
    details.platformOutput.map((line) => `×${line.count} ${line.example}`),
  );
  return rows.join('\n');
}
