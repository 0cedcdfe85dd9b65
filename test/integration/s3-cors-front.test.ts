import { createServer, type Server } from 'node:http';
import { materialsBrowserAccess } from '../../infra/definitions/buckets';
import { freePort, listenOn } from '../../infra/local/engines';
import { startS3CorsFront } from '../../infra/local/s3-cors-front';

/*
 * The local S3 front applies the materials bucket's browser rules (the ones CDK sets on the bucket): a preflight from
 * the portal's origin passes, one from elsewhere is refused, and everything else reaches the emulator untouched.
 */

describe('given the S3 CORS front before an S3 emulator', () => {
  const received: { method: string; url: string; body: string }[] = [];
  let emulator: Server;
  let front: Server;
  let endpoint: string;
  const portalOrigin = 'http://localhost:3000';

  beforeAll(async () => {
    emulator = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', body });
        response.writeHead(200, { etag: '"abc"' });
        response.end();
      });
    });
    const emulatorPort = await freePort();
    await listenOn(emulator, emulatorPort);
    const frontPort = await freePort();
    front = await startS3CorsFront({
      port: frontPort,
      target: `http://127.0.0.1:${emulatorPort}`,
      allowedOrigins: [portalOrigin],
      rule: materialsBrowserAccess,
    });
    endpoint = `http://127.0.0.1:${frontPort}`;
  });
  afterAll(async () => {
    await Promise.all([emulator, front].map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('when the portal preflights a PUT, then the front allows its origin, the method and the asked headers', async () => {
    const response = await fetch(`${endpoint}/materials/key`, {
      method: 'OPTIONS',
      headers: { origin: portalOrigin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(portalOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(received).toHaveLength(0);
  });

  it('when another origin preflights, then it is refused as S3 refuses it', async () => {
    const response = await fetch(`${endpoint}/materials/key`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when a DELETE is preflighted from the portal, then it is refused: the rule allows PUT, GET and HEAD only', async () => {
    const response = await fetch(`${endpoint}/materials/key`, {
      method: 'OPTIONS',
      headers: { origin: portalOrigin, 'access-control-request-method': 'DELETE' },
    });
    expect(response.status).toBe(403);
  });

  it('when the PUT itself comes, then the emulator gets it unchanged and the answer carries the CORS headers and the ETag', async () => {
    const response = await fetch(`${endpoint}/materials/key?X-Amz-Signature=s`, { method: 'PUT', headers: { origin: portalOrigin }, body: 'pdf-bytes' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(portalOrigin);
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(received.at(-1)).toEqual({ method: 'PUT', url: '/materials/key?X-Amz-Signature=s', body: 'pdf-bytes' });
  });
});
