import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionDefinitions } from '../../infra/definitions/functions';
import { freePort } from '../../infra/local/engines';
import { startHttpApi } from '../../infra/local/http-api';
import { LambdaHost } from '../../infra/local/lambda-host';
import type { PortalSite } from '../../infra/local/portal-site';

/*
 * The web app on the API's origin, as CloudFront serves it on AWS: pages answered by index.html, assets as files,
 * `/v1` never swallowed by the app, one config document, the security headers on every page.
 */

describe('given the local HTTP API serving a built portal', () => {
  const distDir = mkdtempSync(join(tmpdir(), 'tongban-portal-'));
  const site: PortalSite = {
    distDir,
    config: {
      tenants: [{ tenantId: '522732', name: '三都水族自治县' }],
      defaultTenantId: '522732',
      signIn: {
        citizen: { issuer: 'http://127.0.0.1:4100', clientId: 'tongban-portal', scope: 'openid profile phone' },
        staff: { issuer: 'http://127.0.0.1:4200', clientId: 'tongban-workbench', scope: 'openid profile' },
      },
    },
    connectOrigins: ['http://127.0.0.1:4100', 'http://127.0.0.1:4200', 'http://127.0.0.1:4300'],
  };
  let server: Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><html lang="zh-CN"><div id="app"></div></html>');
    writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const port = await freePort();
    server = await startHttpApi(functionDefinitions, new LambdaHost(functionDefinitions), port, { portal: site });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(distDir, { recursive: true, force: true });
  });

  it('when a page of the app is asked for (a deep link), then index.html answers it, never cached, with the CSP', async () => {
    const response = await fetch(`${base}/522732/items/GTGH-0001`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('connect-src');
    expect(csp).toContain('http://127.0.0.1:4100');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('id="app"');
  });

  it('when a hashed asset is asked for, then it is the file, cached for a year', async () => {
    const response = await fetch(`${base}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('when a missing asset is asked for, then 404, not the app', async () => {
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('when a path tries to leave the build directory, then nothing outside it is served', async () => {
    const response = await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`);
    expect(await response.text()).not.toContain('root:');
  });

  it('when an unknown API path is asked for, then the API answers 404 in its own envelope, not the app', async () => {
    const response = await fetch(`${base}/v1/no-such-route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', messageZh: '接口不存在' });
  });

  it('when the app asks for its configuration, then it gets the counties and the sign-in providers', async () => {
    const response = await fetch(`${base}/portal-config.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(site.config);
  });

  it('when a request target is not a URL (//), then 400 with a code, and the server keeps serving', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const call = request(`${base}//`, { method: 'GET', path: '//' }, (answer) => {
        answer.resume();
        resolve(answer.statusCode ?? 0);
      });
      call.on('error', reject);
      call.end();
    });
    expect(status).toBe(400);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('when the headers are larger than the server takes, then 431 with a JSON code, and the server keeps serving', async () => {
    const response = await fetch(`${base}/v1/tenants/522732/items`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect(response.status).toBe(431);
    expect(await response.json()).toMatchObject({ code: 'HEADERS_TOO_LARGE', messageZh: '请求头过大' });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('when a path parameter has a broken percent-escape, then 400 BAD_REQUEST_TARGET, never a 500', async () => {
    for (const path of ['/v1/tenants/%E0%A4%A/items', '/v1/tenants/522732/items/%ZZ']) {
      const response = await fetch(`${base}${path}`);
      expect([path, response.status]).toEqual([path, 400]);
      expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST_TARGET', messageZh: '请求地址中的编码无效' });
    }
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

describe('given the local HTTP API without a portal (the integration platform)', () => {
  it('when / is asked for, then it answers the health document', async () => {
    const port = await freePort();
    const server = await startHttpApi(functionDefinitions, new LambdaHost(functionDefinitions), port);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(await response.json()).toMatchObject({ service: 'tongban', status: 'ok' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
