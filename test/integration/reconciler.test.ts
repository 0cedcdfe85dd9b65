import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/shared/table/keys';
import type { ReconcileReport } from '../../functions/reconciliation/use-cases';
import { aPlanningApplication } from '../support/fixtures';
import { aPlatformForThisFile, applicantApi, eventually, staffApi } from './support/platform';

const TENANT = '522732';
const B = `/v1/tenants/${TENANT}`;

/**
 * The reconciler on the local platform (issue 16): an event that never reached the supervision consumer (its applied
 * mark and audit record gone, as when a relay skipped it) is found and re-published; the consumer applies it once; the repair is on the
 * case's timeline, where the audit trail records it; and a healthy platform then needs no repair at all.
 */
describe('given the local platform with 三都县 and a filed application', () => {
  const local = aPlatformForThisFile();
  let caseId: string;
  let documents: DynamoDBDocumentClient;
  const table = () => local.platform.environment.TABLE_NAME as string;
  const isApplied = async (eventId: string) =>
    (await documents.send(new GetCommand({ TableName: table(), Key: keys.appliedEvent(TENANT, eventId), ConsistentRead: true }))).Item !== undefined;
  const reconcile = async () => (await local.platform.host.invoke('ReconcileCases', { graceSeconds: 0 })) as ReconcileReport;
  /** The stored timeline (the API's view leaves event ids out). */
  const timeline = async () =>
    (
      await documents.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
          ExpressionAttributeValues: { ':pk': keys.casePartition(TENANT, caseId), ':evt': keys.caseEventPrefix },
        }),
      )
    ).Items as { eventId: string; type: string; detail?: Record<string, unknown> }[];
  /** What the supervision consumer wrote for one event, in one transaction: its applied mark and its audit record. */
  const forgetApplied = async (eventId: string) => {
    const audit = await documents.send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOfCase(TENANT, caseId) },
      }),
    );
    const record = audit.Items?.find((item) => item.recordId === eventId);
    expect(record).toBeDefined();
    await documents.send(new DeleteCommand({ TableName: table(), Key: { PK: record?.PK, SK: record?.SK } }));
    await documents.send(new DeleteCommand({ TableName: table(), Key: keys.appliedEvent(TENANT, eventId) }));
  };

  beforeAll(async () => {
    const applicant = await applicantApi(local, aPlanningApplication().applicant);
    const filed = await applicant.post<{ caseId: string }>(`${B}/cases`, aPlanningApplication());
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
    documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: local.platform.environment.AWS_ENDPOINT_URL_DYNAMODB,
        region: 'us-east-1',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      }),
    );
  });

  describe('when the supervision consumer never got the case’s CaseSubmitted', () => {
    it('then the reconciler re-publishes it, the consumer applies it, the repair is on the timeline, and the next run repairs nothing', async () => {
      const submitted = (await timeline()).find((entry) => entry.type === 'CaseSubmitted');
      expect(submitted).toBeDefined();
      const eventId = submitted?.eventId as string;
      await eventually(async () => ((await isApplied(eventId)) ? true : undefined));
      await forgetApplied(eventId);

      const first = await reconcile();
      expect(first.repairs['event-redelivered']).toBe(1);
      expect(first.failures).toEqual([]);
      await eventually(async () => ((await isApplied(eventId)) ? true : undefined));

      const repaired = await eventually(async () => (await timeline()).find((entry) => entry.type === 'CaseRepaired'));
      expect(repaired.detail).toMatchObject({ repair: 'event-redelivered', eventId, eventType: 'CaseSubmitted' });
      // the repair's own record reaches the audit trail like any step of the case
      await eventually(async () => ((await isApplied(repaired.eventId)) ? true : undefined));
      const audit = await (await staffApi(local, TENANT, 'JC-001')).get<{ records: { type?: string; eventType?: string }[] }>(`${B}/audit?caseId=${caseId}`);
      expect(JSON.stringify(audit.body)).toContain('CaseRepaired');

      const second = await reconcile();
      expect(second.repaired).toBe(0);
      expect(second.casesChecked).toBeGreaterThanOrEqual(1);
    }, 60_000);
  });
});
