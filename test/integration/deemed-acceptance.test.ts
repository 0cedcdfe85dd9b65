import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { keys } from '../../functions/shared/table/keys';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { staffContext } from '../support/request-context';
import {
  aDataDirectory,
  apiClient,
  applicantApi,
  eventually,
  givenARunningPlatform,
  removeDataDirectory,
  type RunningPlatform,
  staffApi,
} from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;
// received on Monday 2026-11-02: the 5-working-day notice window of GTGH-0001 ended on Monday 2026-11-09
const LONG_AGO = '2026-11-02T02:00:00.000Z';

type CaseView = {
  status: string;
  deemedAccepted: boolean;
  acceptedAt?: string;
  timeline: { type: string }[];
  tasks: unknown[];
  clock: { noticeDeadline: string };
};

const application = (idNumber: string) => ({ ...aPlanningApplication(), applicant: anApplicant({ idNumber }) });

/** Files the application online, signed in with the applicant's real-name account. */
const fileOnline = async (running: RunningPlatform, idNumber: string) => {
  const filing = application(idNumber);
  return (await applicantApi(running, filing.applicant)).post<{ caseId: string; noticeDeadline: string }>(`${B}/cases`, filing);
};

/** Given an application the window received long ago and never decided (the stored receipt is moved back). */
async function givenAnUndecidedApplicationReceivedLongAgo(running: RunningPlatform, idNumber: string): Promise<string> {
  const { platform } = running;
  const created = await fileOnline(running, idNumber);
  const dynamodb = new DynamoDBClient({
    endpoint: platform.environment.AWS_ENDPOINT_URL_DYNAMODB,
    region: 'us-east-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const key = keys.case(TENANT, created.body.caseId);
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: platform.environment.TABLE_NAME,
      Key: { PK: { S: key.PK }, SK: { S: key.SK } },
      UpdateExpression: 'SET receivedAt = :at, createdAt = :at',
      ExpressionAttributeValues: { ':at': { S: LONG_AGO } },
    }),
  );
  return created.body.caseId;
}

describe('given applications the window has not decided within the notice window', () => {
  const running = { dataDir: aDataDirectory() } as RunningPlatform;
  /** Starts (or restarts) the platform on the file's data directory; a restarted platform signs everyone in afresh. */
  const start = async () => {
    running.platform = await givenARunningPlatform(running.dataDir);
    running.api = apiClient(running.platform.url);
  };

  afterAll(async () => {
    await running.platform?.stop();
    removeDataDirectory(running.dataDir);
  });

  it('then the timer accepts the case as of its receipt date, records the notice stage as overdue, and routes it', async () => {
    await start();
    const fresh = await fileOnline(running, '52273219700101003X');
    expect(fresh.body.noticeDeadline).toMatch(/T23:59:59\+08:00$/);
    const caseId = await givenAnUndecidedApplicationReceivedLongAgo(running, '52273219700101004X');

    // the timer armed at filing waits for the original deadline; a restart re-arms it from the stored receipt
    await running.platform.stop();
    await start();
    const window = await staffApi(running, TENANT, 'CK-01');

    const deemed = await eventually(async () => {
      const view = await window.get<CaseView>(`${B}/workbench/cases/${caseId}`);
      return view.body.status === 'in_approval' ? view.body : undefined;
    });
    expect(deemed).toMatchObject({ deemedAccepted: true, acceptedAt: LONG_AGO, clock: { noticeDeadline: '2026-11-09T23:59:59+08:00' } });
    expect(deemed.timeline.map((event) => event.type)).toContain('CaseDeemedAccepted');
    expect(deemed.tasks).toHaveLength(3);

    const lateDecision = await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'reject', reason: '太晚了' });
    expect(lateDecision).toMatchObject({ status: 409, body: { code: 'CASE_STATE_CONFLICT' } });
  });

  it('then a window decision racing the timer leaves exactly one outcome', async () => {
    // required here: the use cases' SDK clients must be built after the platform set the endpoints
    const { deemAcceptance, decideAcceptance } = require('../../functions/intake/use-cases') as typeof import('../../functions/intake/use-cases');
    const { intakeDependencies } = require('../../functions/intake/wiring') as typeof import('../../functions/intake/wiring');
    const window = await staffApi(running, TENANT, 'CK-01');
    for (const idNumber of ['52273219700101005X', '52273219700101006X', '52273219700101007X']) {
      const caseId = await givenAnUndecidedApplicationReceivedLongAgo(running, idNumber);
      const outcomes = await Promise.allSettled([
        deemAcceptance(intakeDependencies(), { tenantId: TENANT, caseId }),
        decideAcceptance(intakeDependencies(), staffContext(TENANT, { staffId: 'CK-01', role: 'window' }, 'race'), caseId, {
          decision: 'reject',
          reason: '不属于本机关职权',
        }),
      ]);
      const view = (await window.get<CaseView>(`${B}/workbench/cases/${caseId}`)).body;
      const decisive = view.timeline.filter((event) => ['CaseDeemedAccepted', 'CaseRejected', 'CaseAccepted'].includes(event.type));
      expect(decisive).toHaveLength(1);
      if (view.status === 'rejected') {
        expect(view.tasks).toHaveLength(0);
      } else {
        expect(view.status).toBe('in_approval');
        expect(outcomes[1].status).toBe('rejected');
      }
    }
  });
});
