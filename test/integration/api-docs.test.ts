import { aPlatformForThisFile } from './support/platform';

/**
 * The published contract on a running platform, as `npm start` serves it: GET /v1/openapi.json is the committed
 * document, and GET /docs an API docs page whose every asset comes from the platform itself (no other host), through
 * the same route definitions and handlers as on AWS. Every answer below also passes the document's own validation
 * (`apiClient`).
 */
describe('given a running platform', () => {
  const running = aPlatformForThisFile();

  it('when the OpenAPI document is fetched, then it is OpenAPI 3.1.0 JSON describing every route, the committed file', async () => {
    // Act
    const reply = await running.api.get<{ openapi: string; paths: Record<string, unknown>; info: { title: string } }>('/v1/openapi.json');

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    expect(reply.body.info.title).toMatch(/通办/);
    expect(Object.keys(reply.body.paths)).toEqual(expect.arrayContaining(['/v1/openapi.json', '/docs', '/v1/tenants/{tenantId}/cases']));
    expect(reply.body).toEqual(require('../../schemas/openapi.json'));
  });

  it('when the docs page is fetched, then it is bilingual HTML that loads only same-origin assets, each of which is served', async () => {
    // Act
    const response = await fetch(`${running.platform.url}/docs`);
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(html).toMatch(/接口文档/);
    expect(html).toMatch(/API reference/);
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(references.length).toBeGreaterThan(3);
    // relative to the page, or data: (the empty favicon): nothing names a host
    for (const reference of references)
      expect([reference, /^(?:data:|[a-z0-9][\w./-]*$)/i.test(reference) && !reference.startsWith('//')]).toEqual([reference, true]);
    for (const reference of references.filter((candidate) => !candidate.startsWith('data:'))) {
      const asset = await running.api.get<string>(`/${reference}`);
      expect([reference, asset.status]).toEqual([reference, 200]);
    }
  });

  it('when Swagger UI is served, then it is the bundled script and starts on this document without the public validator', async () => {
    // Act
    const bundle = await fetch(`${running.platform.url}/docs/swagger-ui-bundle.js`);
    const start = await running.api.get<string>('/docs/tongban-docs.js');

    // Assess
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(500_000);
    expect(start.body).toMatch(/url: 'v1\/openapi\.json'/);
    expect(start.body).toMatch(/validatorUrl: null/);
  });

  it('when an unknown or hostile asset name is asked for, then the answer is 404 DOCS_ASSET_NOT_FOUND and no file is read', async () => {
    for (const name of ['nope.js', encodeURIComponent('../../package.json'), 'index.html']) {
      const reply = await running.api.get<{ code: string }>(`/docs/${name}`);
      expect([name, reply.status, reply.body.code]).toEqual([name, 404, 'DOCS_ASSET_NOT_FOUND']);
    }
  });
});
