import { aPlanningApplication } from '../support/fixtures';
import { type ApiClient, aPlatformForThisFile, applicantApi, staffApi } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

/**
 * A case view costs at most three DynamoDB calls (issue 17): the case partition in one query (case, timeline, materials,
 * release, certificate pointers), what it names elsewhere in one batch (tasks, certificates, the county's profile, the
 * item version), and the national calendar, which a warm function keeps. Counted on the handlers' own client.
 */
describe('given the local platform with 三都县 and an accepted application with its department tasks', () => {
  const local = aPlatformForThisFile();
  let applicant: ApiClient;
  let caseId: string;
  const calls: string[] = [];

  beforeAll(async () => {
    applicant = await applicantApi(local, aPlanningApplication().applicant);
    const filed = await applicant.post<{ caseId: string }>(`${B}/cases`, aPlanningApplication());
    caseId = filed.body.caseId;
    const window = await staffApi(local, TENANT, 'CK-01');
    expect((await window.post(`${B}/cases/${caseId}/acceptance`, { decision: 'accept' })).status).toBe(200);
    // the handlers' client, as the local platform loaded it into this process
    const { dynamoDocuments } = require('../../functions/shared/clients') as typeof import('../../functions/shared/clients');
    dynamoDocuments.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
  });

  /** Until the workflow and the event consumers are done with the acceptance: no DynamoDB call for a second. */
  const quiet = async () => {
    for (let round = 0; round < 30; round += 1) {
      calls.length = 0;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (calls.length === 0) return;
    }
    throw new Error('the platform never went quiet');
  };

  it('when the applicant reads the case, then each read takes at most 3 DynamoDB calls: one query of its partition, one batch, and the calendar unless cached', async () => {
    for (let read = 0; read < 2; read += 1) {
      await quiet();
      expect((await applicant.get(`${B}/cases/${caseId}`)).status).toBe(200);
      expect(calls.length).toBeLessThanOrEqual(3);
      expect(calls.filter((call) => call === 'BatchGetItemCommand')).toHaveLength(1);
      // the calendar, when its cache has expired, is the only other read: a query of the national partition
      expect(calls.filter((call) => call !== 'QueryCommand' && call !== 'BatchGetItemCommand')).toEqual([]);
    }
  }, 90_000);
});
