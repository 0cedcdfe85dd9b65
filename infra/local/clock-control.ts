import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { environmentNames } from '../../functions/shared/environment-names';

/**
 * The clock drill (record 14) over HTTP, for the browser journeys that must see a deadline pass: `POST /advance` with
 * `{"days": n}` (or `"milliseconds"`) moves the local handlers' clock forward and times out every open wait. Only when
 * `npm start` runs with TONGBAN_LOCAL_CLOCK_CONTROL=on, on 127.0.0.1 and a port of its own (written to
 * `<data dir>/clock-control.json`), never on the API's port, and never on AWS: nothing deployed starts it.
 */
export const clockControlFile = (dataDir: string): string => join(dataDir, 'clock-control.json');

const MAX_DAYS = 400;

export async function startClockControl(dataDir: string, advance: (milliseconds: number) => void): Promise<Server> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: object) => void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.method !== 'POST' || request.url !== '/advance') {
      answer(404, { code: 'ROUTE_NOT_FOUND' });
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let asked: { days?: unknown; milliseconds?: unknown };
      try {
        asked = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as typeof asked;
      } catch {
        return answer(400, { code: 'INVALID_JSON' });
      }
      const milliseconds = typeof asked.days === 'number' ? asked.days * 86_400_000 : asked.milliseconds;
      if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds) || milliseconds <= 0 || milliseconds > MAX_DAYS * 86_400_000) {
        return answer(400, { code: 'INVALID_ADVANCE', message: `days (0, ${MAX_DAYS}] or milliseconds` });
      }
      try {
        advance(milliseconds);
      } catch (error) {
        return answer(500, { code: 'ADVANCE_FAILED', message: (error as Error).message });
      }
      return answer(200, { advancedMs: milliseconds, now: new Date(Date.now() + Number(process.env[environmentNames.localClockOffsetMs] ?? 0)).toISOString() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  writeFileSync(clockControlFile(dataDir), JSON.stringify({ url: `http://127.0.0.1:${port}` }));
  return server;
}
