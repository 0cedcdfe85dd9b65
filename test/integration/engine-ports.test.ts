import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { freePort, listenOn, type RunningEngine, startDynamoDbLocal, startFauxqs, startOnSomePort } from '../../infra/local/engines';
import { aDataDirectory, removeDataDirectory } from './support/platform';

describe('given a port some other process took between choosing and binding it', () => {
  const squatter = createServer();
  let takenPort: number;

  beforeAll(async () => {
    takenPort = await freePort();
    await listenOn(squatter, takenPort);
  });
  afterAll(() => new Promise((resolve) => squatter.close(resolve)));

  it('then binding it rejects with EADDRINUSE instead of hanging', async () => {
    await expect(listenOn(createServer(), takenPort)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('then the engine starts on a fresh port below the ephemeral range', async () => {
    const started = await startOnSomePort(takenPort, (port) => listenOn(createServer(), port));
    try {
      expect(started.port).not.toBe(takenPort);
      expect(started.port).toBeLessThan(32_768);
    } finally {
      await new Promise((resolve) => started.started.close(resolve));
    }
  });
});

/** The local addresses the sockets listening on `port` are bound to, from the kernel's own tables (Linux). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // state 0A is LISTEN
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => (fields[1] as string).split(':')[0] as string),
  );
}
/** 127.0.0.1 as the kernel writes it: in tcp, and v4-mapped (::ffff:127.0.0.1) in tcp6. */
const LOOPBACK = ['0100007F', '0000000000000000FFFF00000100007F'];

describe('given the local engines started as the platform starts them', () => {
  const dataDir = aDataDirectory();
  let engines: RunningEngine[] = [];

  beforeAll(async () => {
    engines = [await startDynamoDbLocal(await freePort(), dataDir), await startFauxqs(await freePort(), dataDir)];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.stop()));
    removeDataDirectory(dataDir);
  });

  it('then DynamoDB Local and fauxqs listen on 127.0.0.1 only, never on every interface', () => {
    for (const engine of engines) {
      const addresses = listeningAddresses(Number(new URL(engine.endpoint).port));
      expect([engine.name, addresses.length > 0]).toEqual([engine.name, true]);
      expect([engine.name, addresses.filter((address) => !LOOPBACK.includes(address))]).toEqual([engine.name, []]);
    }
  });
});
