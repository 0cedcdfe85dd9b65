import { createServer } from 'node:http';
import { freePort, listenOn, startOnSomePort } from '../../infra/local/engines';

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
