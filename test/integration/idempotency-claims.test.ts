import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IdempotencyStore } from '../../functions/shared/idempotency';
import { freePort, type RunningEngine, startDynamoDbLocal } from '../../infra/local/engines';
import { ensureTable } from '../../infra/local/resources';
import { aDataDirectory, removeDataDirectory } from './support/platform';

/**
 * A claim on an Idempotency-Key whose call died (the process was killed mid-call) blocks a retry no longer than that
 * call could have lived (issue 16): the retry then takes the key over and answers, instead of 409 IDEMPOTENCY_IN_PROGRESS
 * for 30 s. A live call's claim is still respected. Real DynamoDB Local.
 */
describe('given the idempotency store on DynamoDB Local', () => {
  const dataDir = aDataDirectory();
  let engine: RunningEngine;
  let store: IdempotencyStore;
  const scope = (key: string) => ({ tenantId: '522732', routeKey: 'POST /v1/tenants/{tenantId}/cases/{caseId}/acceptance', key, body: { decision: 'accept' } });
  const reply = (answer: string) => async () => ({ statusCode: 200, body: { answer } });
  /** A call that never returns: its process died. */
  const dies = () => new Promise<never>(() => undefined);

  beforeAll(async () => {
    engine = await startDynamoDbLocal(await freePort(), dataDir);
    const client = new DynamoDBClient({ region: 'us-east-1', endpoint: engine.endpoint, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    store = new IdempotencyStore(DynamoDBDocumentClient.from(client), await ensureTable(client));
  });

  afterAll(async () => {
    await engine?.stop();
    removeDataDirectory(dataDir);
  });

  it('when the first call died with a 1 s claim, then a retry 2 s later takes the key over and gets its answer; the key then replays it', async () => {
    void store.run(scope('dead-call-1'), dies, 1);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await store.run(scope('dead-call-1'), reply('second'))).toEqual({ statusCode: 200, body: { answer: 'second' } });
    expect(await store.run(scope('dead-call-1'), reply('third'))).toEqual({ statusCode: 200, body: { answer: 'second' } });
  }, 20_000);

  it('when the first call is still within its claim, then a retry waits and is told it is in progress, not run twice', async () => {
    void store.run(scope('live-call-1'), dies, 30);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(store.run(scope('live-call-1'), reply('second'))).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
  }, 20_000);
});
