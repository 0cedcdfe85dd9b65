import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { superviseEngine } from '../../infra/local/engine-supervisor';
import { freePort, reapOrphanedEngines, type RunningEngine, startDynamoDbLocal } from '../../infra/local/engines';
import { ensureTable } from '../../infra/local/resources';
import { aDataDirectory, eventually, removeDataDirectory } from './support/platform';

/**
 * The local platform supervises its engines (issue 16): DynamoDB Local killed with SIGKILL comes back on the same
 * endpoint with its data, and a stopped supervised engine stays stopped. Real DynamoDB Local, a real kill.
 */
describe('given DynamoDB Local under the engine supervisor', () => {
  const dataDir = aDataDirectory();
  const lines: string[] = [];
  let engine: RunningEngine;
  let client: DynamoDBClient;

  beforeAll(async () => {
    const port = await freePort();
    engine = superviseEngine(
      await startDynamoDbLocal(port, dataDir),
      () => startDynamoDbLocal(port, dataDir),
      (line) => void lines.push(line),
    );
    client = new DynamoDBClient({ region: 'us-east-1', endpoint: engine.endpoint, credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, maxAttempts: 1 });
    await ensureTable(client);
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    removeDataDirectory(dataDir);
  });

  it('when its process is killed, then it is restarted on the same endpoint with the table it had, and the restart is logged', async () => {
    const killed = engine.pid as number;
    const died = engine.exited;
    process.kill(killed, 'SIGKILL');
    // the killed process is gone before anything is asked of the endpoint again: what answers then is the restarted one
    await died;
    await eventually(async () => (lines.some((line) => line.includes('restarted')) ? true : undefined), 45_000);
    const tables = await eventually(async () => {
      try {
        return (await client.send(new ListTablesCommand({}))).TableNames;
      } catch {
        return undefined;
      }
    }, 45_000);
    expect(tables?.length).toBeGreaterThan(0);
    expect(engine.pid).not.toBe(killed);
    expect(lines.some((line) => line.includes('stopped unexpectedly'))).toBe(true);
    expect(lines.some((line) => line.includes('restarted'))).toBe(true);
  }, 60_000);

  it('when the supervised engine is stopped, then it is not started again', async () => {
    await engine.stop();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await expect(client.send(new ListTablesCommand({}))).rejects.toBeDefined();
  }, 30_000);
});

describe('given engines a killed platform left running on its data directory, and another platform’s engine', () => {
  const orphanedDir = aDataDirectory();
  const otherDir = aDataDirectory();
  let orphan: RunningEngine;
  let other: RunningEngine;

  beforeAll(async () => {
    orphan = await startDynamoDbLocal(await freePort(), orphanedDir);
    other = await startDynamoDbLocal(await freePort(), otherDir);
  }, 60_000);

  afterAll(async () => {
    await orphan?.stop();
    await other?.stop();
    removeDataDirectory(orphanedDir);
    removeDataDirectory(otherDir);
  });

  it('when a platform starts on that directory, then the orphan is stopped first, and the other platform’s engine is left alone', async () => {
    expect(await reapOrphanedEngines(orphanedDir)).toBe(1);
    await orphan.exited;
    const stillThere = new DynamoDBClient({ region: 'us-east-1', endpoint: other.endpoint, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    expect((await stillThere.send(new ListTablesCommand({}))).TableNames).toBeDefined();
    expect(await reapOrphanedEngines(orphanedDir)).toBe(0);
  }, 30_000);
});
