import { functionDefinitions } from '../../infra/definitions/functions';
import type { LocalPlatform } from '../../infra/local/platform';
import { aDataDirectory, givenARunningPlatform, removeDataDirectory } from './support/platform';

/** Every HTTP route of the platform, with each path parameter filled by `value`. */
const routes = (value: (name: string) => string) =>
  functionDefinitions.flatMap((definition) =>
    definition.trigger.kind === 'http'
      ? [{ method: definition.trigger.method, path: definition.trigger.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name))) }]
      : [],
  );

const hostileBodies = [
  '',
  '{',
  '[]',
  'null',
  '"text"',
  '{"decision":42,"itemCode":[],"applicant":"x","formData":7}',
  JSON.stringify({ a: 'x'.repeat(200_000) }),
];

describe('given every route of the platform and hostile input', () => {
  const dataDir = aDataDirectory();
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await givenARunningPlatform(dataDir);
  });

  afterAll(async () => {
    await platform?.stop();
    removeDataDirectory(dataDir);
  });

  it.each([
    ['unknown ids in a known tenant', (name: string) => (name === 'tenantId' ? '522732' : '01ARZ3NDEKTSV4RRFFQ69G5FAV')],
    ['malformed ids', (name: string) => (name === 'tenantId' ? '52273x' : '../../etc/passwd')],
    ['an unknown tenant', (name: string) => (name === 'tenantId' ? '999999' : 'GTGH-0001')],
  ])('when called with %s and malformed bodies, then every answer is a 4xx with a code and a bilingual message, never a 5xx', async (_label, value) => {
    for (const route of routes(value)) {
      for (const body of route.method === 'GET' ? [undefined] : hostileBodies) {
        const response = await fetch(`${platform.url}${route.path}?status=nonsense&limit=-1&start=x&days=y`, {
          method: route.method,
          headers: { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body }),
        });
        const reply = (await response.json()) as { code?: string; message?: string };
        const where = `${route.method} ${route.path} ${String(body).slice(0, 40)}`;
        expect({ where, status: response.status < 500 }).toEqual({ where, status: true });
        if (response.status >= 400)
          expect({ where, code: typeof reply.code, bilingual: / \/ /.test(String(reply.message)) }).toEqual({ where, code: 'string', bilingual: true });
      }
    }
  });
});
