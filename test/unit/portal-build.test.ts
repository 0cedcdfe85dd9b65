import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portalBuildStaleness } from '../../infra/local/portal-build';

/* `npm start` builds the portal when its build is missing or older than what it is made of, and only then. */

describe('given a repository with a web app', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tongban-build-'));
    mkdirSync(join(root, 'web', 'src', 'pages'), { recursive: true });
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'web', 'src', 'pages', 'HomePage.vue'), '<template />');
    writeFileSync(join(root, 'schemas', 'openapi.d.ts'), '');
    for (const path of [
      join(root, 'web', 'src', 'pages', 'HomePage.vue'),
      join(root, 'web', 'src', 'pages'),
      join(root, 'web', 'src'),
      join(root, 'schemas', 'openapi.d.ts'),
    ])
      at(path, 1000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const build = (seconds: number) => {
    mkdirSync(join(root, 'web', 'dist'), { recursive: true });
    writeFileSync(join(root, 'web', 'dist', 'index.html'), '');
    at(join(root, 'web', 'dist', 'index.html'), seconds);
  };

  it('when it was never built, then it is stale', () => {
    expect(portalBuildStaleness(root)).toBe('web/dist is missing');
  });

  it('when it was built after every source, then it is current', () => {
    build(2000);
    expect(portalBuildStaleness(root)).toBeUndefined();
  });

  it('when a page changed after the build, then it is stale and the reason names the sources', () => {
    build(2000);
    at(join(root, 'web', 'src', 'pages', 'HomePage.vue'), 3000);
    expect(portalBuildStaleness(root)).toMatch(/^web\/src changed/);
  });

  it('when the API contract changed after the build, then it is stale', () => {
    build(2000);
    at(join(root, 'schemas', 'openapi.d.ts'), 3000);
    expect(portalBuildStaleness(root)).toMatch(/openapi\.d\.ts changed/);
  });
});
