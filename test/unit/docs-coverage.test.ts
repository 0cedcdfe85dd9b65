import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionDefinitions } from '../../infra/definitions/functions';
import { keys } from '../../functions/shared/table/keys';

/**
 * The reference docs must keep up with the code: every HTTP route declared in the function definitions
 * has a row in docs/api.md, and every member of `keys` (builders and the constant prefixes alike) is
 * named in the access-pattern table of docs/access-patterns.md, the file the code cites.
 */
const repositoryRoot = join(__dirname, '..', '..');
const readDoc = (name: string): string => readFileSync(join(repositoryRoot, 'docs', name), 'utf8');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Route {
  readonly method: string;
  readonly path: string;
}

/** A table row `| METHOD | \`PATH\` …` or `| METHOD | \`PATH?query…\` …`: the method and then exactly that path. */
const documentsRoute = (doc: string, { method, path }: Route): boolean =>
  new RegExp(`^\\|\\s*${escapeRegExp(method)}\\s*\\|\\s*\`${escapeRegExp(path)}(\\?[^\`]*)?\``, 'm').test(doc);

const httpRoutes = (): Route[] =>
  functionDefinitions.flatMap((definition) =>
    definition.trigger.kind === 'http' ? [{ method: definition.trigger.method, path: definition.trigger.path }] : [],
  );

/** The rows of the table under the `## Access patterns` heading, up to the next heading. */
const accessPatternRows = (doc: string): string[] => {
  const section = doc.split(/^## Access patterns\s*$/m)[1];
  if (section === undefined) throw new Error('docs/access-patterns.md has no "## Access patterns" section');
  const body = section.split(/^#{1,2} /m)[0] ?? '';
  return body.split('\n').filter((line) => line.startsWith('|'));
};

/** Every `keys.<name>` the rows name. */
const keyBuildersNamed = (rows: readonly string[]): Set<string> =>
  new Set(rows.flatMap((row) => [...row.matchAll(/`keys\.(\w+)`/g)].map((match) => match[1] as string)));

describe('given the function definitions and docs/api.md', () => {
  const apiReference = readDoc('api.md');
  const routes = httpRoutes();

  it('when the HTTP routes are listed, then there are routes to check', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('when each HTTP route is looked up, then the API reference has a row with its method and path', () => {
    const missing = routes.filter((route) => !documentsRoute(apiReference, route)).map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });

  it('when a route is not in the reference, then the check notices', () => {
    expect(documentsRoute(apiReference, { method: 'DELETE', path: '/v1/tenants/{tenantId}/cases/{caseId}' })).toBe(false);
    expect(documentsRoute(apiReference, { method: 'GET', path: '/v1/tenants/{tenantId}/case' })).toBe(false);
    expect(documentsRoute(apiReference, { method: 'GET', path: '/v1/tenants/{tenantId}/cases/{caseId}' })).toBe(true);
  });
});

describe('given the key builders and docs/access-patterns.md', () => {
  const rows = accessPatternRows(readDoc('access-patterns.md'));
  const named = keyBuildersNamed(rows);

  it('when every member of keys is looked up, then the access-pattern table names it in a row', () => {
    const missing = Object.keys(keys).filter((name) => !named.has(name));
    expect(missing).toEqual([]);
  });

  it('when the table names a key builder, then keys.ts still exports it', () => {
    const unknown = [...named].filter((name) => !Object.prototype.hasOwnProperty.call(keys, name));
    expect(unknown).toEqual([]);
  });

  it('when a builder is not in the table, then the check notices', () => {
    expect(keyBuildersNamed(['| A case | `PK=…` | GetItem | `keys.case` |']).has('casePartition')).toBe(false);
  });
});
