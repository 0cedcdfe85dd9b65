/**
 * Time on a local platform, for the rules that need a deadline to pass (视为受理) or working days to pass during a
 * suspension (中止计时). A deployment on AWS has no such control: those rules print SKIP there, with the reason.
 *
 * - **The drill clock** (`LocalPlatform.advanceClock`, docs/decisions.md record 14) moves the handlers' clock. It lives
 *   in the process that runs the platform, so only a suite started in that process gets it (`main(argv, { clock })`,
 *   as test/integration/conformance.test.ts does); no operator command reaches it from another process.
 * - **A separate process** (`npm start`, then `npm run conformance -- --local-data-dir …`) moves the receipt of the
 *   case back in the local table instead, as test/integration/deemed-acceptance.test.ts does: the notice window then
 *   lies in the past for the unchanged clock.
 *
 * Either way the acceptance timer is then armed again through the local Step Functions endpoint, as a restart of
 * `npm start` re-arms the timers of undecided cases (its Wait state counts real time, not the drill clock); the
 * platform's own DeemAcceptance function decides, and the suite only reads the outcome over HTTP.
 */
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { environmentNames } from '../../functions/shared/environment-names';
import { keys } from '../../functions/shared/table/keys';
import { localEndpoints } from './callers';

/** The drill clock of a platform running in this process. */
export interface DrillClock {
  /** The handlers' now (the real time plus the offset so far). */
  now(): Date;
  advance(milliseconds: number): void;
}

export interface LocalDrill {
  /** Whether time itself can be moved (the drill clock), rather than only a receipt. */
  readonly movesTime: boolean;
  /** Makes the notice window of an undecided case lie in the past; says how. */
  passNoticeDeadline(tenantId: string, caseId: string, noticeDeadline: string, earlierReceipt: () => Promise<string>): Promise<string>;
  /** Arms the case's acceptance timer now, as a restart of the local platform does. */
  fireAcceptanceTimer(tenantId: string, caseId: string): Promise<void>;
  /** Moves the clock to the given instant (drill clock only); says how far. */
  moveClockTo(instant: string): string;
}

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The drill of the local platform whose data directory this is, with its drill clock when it runs in this process. */
export function localDrill(dataDir: string, clock?: DrillClock): LocalDrill {
  const endpoints = localEndpoints(dataDir);
  const region = endpoints.AWS_REGION ?? 'us-east-1';
  const days = (milliseconds: number) => `${(milliseconds / 86_400_000).toFixed(1)} days`;
  const moveClockTo = (instant: string): string => {
    if (!clock) throw new Error('no drill clock in this process');
    const by = Date.parse(instant) - clock.now().getTime();
    if (by > 0) clock.advance(by);
    return `drill clock moved on ${days(Math.max(by, 0))}`;
  };
  return {
    movesTime: Boolean(clock),
    moveClockTo,
    async passNoticeDeadline(tenantId, caseId, noticeDeadline, earlierReceipt) {
      if (clock) return `${moveClockTo(new Date(Date.parse(noticeDeadline) + 60_000).toISOString())} past the notice deadline`;
      const receivedAt = await earlierReceipt();
      const key = keys.case(tenantId, caseId);
      const dynamodb = new DynamoDBClient({ endpoint: endpoints.AWS_ENDPOINT_URL_DYNAMODB, region, credentials: localCredentials });
      await dynamodb.send(
        new UpdateItemCommand({
          TableName: endpoints[environmentNames.tableName],
          Key: { PK: { S: key.PK }, SK: { S: key.SK } },
          UpdateExpression: 'SET receivedAt = :at, createdAt = :at',
          ConditionExpression: '#status = :submitted',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':at': { S: receivedAt }, ':submitted': { S: 'submitted' } },
        }),
      );
      return `receipt moved back to ${receivedAt} in the local table (no drill clock in a separate process)`;
    },
    async fireAcceptanceTimer(tenantId, caseId) {
      const sfn = new SFNClient({ endpoint: endpoints.AWS_ENDPOINT_URL_SFN, region, credentials: localCredentials });
      await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: endpoints[environmentNames.acceptanceTimerStateMachineArn],
          name: `conformance-${caseId}-${Date.now()}`,
          input: JSON.stringify({ tenantId, caseId, fireAt: new Date().toISOString() }),
        }),
      );
    },
  };
}
