import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyStore } from '../../functions/shared/idempotency';
import { fenceTransactionsOfOpenClaims } from '../../functions/shared/idempotency-fence';
import { freePort, type RunningEngine, startDynamoDbLocal } from '../../infra/local/engines';
import { ensureTable } from '../../infra/local/resources';
import { aDataDirectory, removeDataDirectory } from './support/platform';

/**
 * Idempotency-Key claims against crashes (issue 16), on real DynamoDB Local with the platform's fence on the client:
 * a claim whose call died blocks a retry no longer than that call could have lived; a call that committed its change
 * and died before its reply was stored gets its reply rebuilt for the retry instead of a conflict with itself; and a
 * call presumed dead, whose claim a retry took over, can no longer commit anything.
 */
describe('given the idempotency store on DynamoDB Local', () => {
  const dataDir = aDataDirectory();
  let engine: RunningEngine;
  let store: IdempotencyStore;
  let documents: DynamoDBDocumentClient;
  let tableName: string;
  const scope = (key: string) => ({ tenantId: '522732', routeKey: 'POST /v1/tenants/{tenantId}/cases/{caseId}/acceptance', key, body: { decision: 'accept' } });
  const reply = (answer: string) => async () => ({ statusCode: 200, body: { answer } });
  /** A call that never returns: its process died. */
  const dies = () => new Promise<never>(() => undefined);
  const caseKey = (caseId: string) => ({ PK: `T#522732#CASE#${caseId}`, SK: 'CASE' });
  /** The state change of a call: a case item written in a transaction, as every adapter writes a change. */
  const commitCase = (caseId: string, status: string) =>
    documents.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tableName, Item: { ...caseKey(caseId), status } } }] }));
  const storedCase = async (caseId: string) => (await documents.send(new GetCommand({ TableName: tableName, Key: caseKey(caseId) }))).Item;
  const rebuiltFromState = async (committed: { PK: string; SK: string }) => ({ statusCode: 200, body: { rebuiltFrom: committed.PK } });

  beforeAll(async () => {
    engine = await startDynamoDbLocal(await freePort(), dataDir);
    const client = new DynamoDBClient({ region: 'us-east-1', endpoint: engine.endpoint, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    fenceTransactionsOfOpenClaims(client);
    documents = DynamoDBDocumentClient.from(client);
    tableName = await ensureTable(client);
    store = new IdempotencyStore(documents, tableName);
  });

  afterAll(async () => {
    await engine?.stop();
    removeDataDirectory(dataDir);
  });

  it('when the first call died with a 1 s claim, then a retry 2 s later takes the key over and gets its answer; the key then replays it', async () => {
    void store.run(scope('dead-call-1'), dies, { claimSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await store.run(scope('dead-call-1'), reply('second'))).toEqual({ statusCode: 200, body: { answer: 'second' } });
    expect(await store.run(scope('dead-call-1'), reply('third'))).toEqual({ statusCode: 200, body: { answer: 'second' } });
  }, 20_000);

  it('when the first call is still within its claim, then a retry waits and is told it is in progress, not run twice', async () => {
    void store.run(scope('live-call-1'), dies, { claimSeconds: 30 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(store.run(scope('live-call-1'), reply('second'))).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
  }, 20_000);

  it('when the first call committed its change and died before its reply was stored, then the retry gets the reply rebuilt from the committed item, and is not run again', async () => {
    void store.run(
      scope('committed-then-died'),
      async () => {
        await commitCase('C-COMMITTED-1', 'accepted');
        return dies();
      },
      { claimSeconds: 1, replay: rebuiltFromState },
    );
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    let ranAgain = false;
    const retried = await store.run(
      scope('committed-then-died'),
      async () => {
        ranAgain = true;
        return { statusCode: 409, body: { code: 'CASE_STATE_CONFLICT' } };
      },
      { replay: rebuiltFromState },
    );
    expect(retried).toEqual({ statusCode: 200, body: { rebuiltFrom: 'T#522732#CASE#C-COMMITTED-1' } });
    expect(ranAgain).toBe(false);
    // and the rebuilt reply is the key's reply from now on
    expect(await store.run(scope('committed-then-died'), reply('later'), { replay: rebuiltFromState })).toEqual(retried);
  }, 20_000);

  it('when the first call committed its change and then failed, then a retry at once gets the rebuilt reply, without waiting for the claim', async () => {
    await expect(
      store.run(
        scope('committed-then-failed'),
        async () => {
          await commitCase('C-COMMITTED-2', 'accepted');
          throw new Error('the notice archive did not answer');
        },
        { claimSeconds: 30, replay: rebuiltFromState },
      ),
    ).rejects.toThrow('the notice archive did not answer');
    const startedAt = Date.now();
    expect(await store.run(scope('committed-then-failed'), reply('second'), { replay: rebuiltFromState })).toEqual({
      statusCode: 200,
      body: { rebuiltFrom: 'T#522732#CASE#C-COMMITTED-2' },
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  }, 20_000);

  it('when a call failed before committing anything, then its key is forgotten and a retry runs afresh', async () => {
    await expect(
      store.run(scope('failed-before-commit'), async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.run(scope('failed-before-commit'), reply('second'))).toEqual({ statusCode: 200, body: { answer: 'second' } });
  }, 20_000);

  it('when a retry took over the claim of a call presumed dead, then that call can no longer commit: its change is refused and nothing is stored twice', async () => {
    let releaseSlowCall: () => void = () => undefined;
    const slowCallWritten = new Promise<void>((resolve) => (releaseSlowCall = resolve));
    let slowOutcome: unknown;
    const slow = store
      .run(
        scope('presumed-dead'),
        async () => {
          await slowCallWritten;
          await commitCase('C-ZOMBIE', 'accepted-by-the-slow-call');
          return { statusCode: 200, body: { answer: 'slow' } };
        },
        { claimSeconds: 1, replay: rebuiltFromState },
      )
      .then(
        (value) => (slowOutcome = value),
        (error: unknown) => (slowOutcome = error),
      );
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await store.run(scope('presumed-dead'), reply('retry'), { replay: rebuiltFromState })).toEqual({ statusCode: 200, body: { answer: 'retry' } });
    releaseSlowCall();
    await slow;
    expect(slowOutcome).toMatchObject({ name: 'TransactionCanceledException' });
    expect(await storedCase('C-ZOMBIE')).toBeUndefined();
    expect(await store.run(scope('presumed-dead'), reply('third'), { replay: rebuiltFromState })).toEqual({ statusCode: 200, body: { answer: 'retry' } });
  }, 20_000);
});
