import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { portalIndexFile } from './portal-site';

/**
 * `npm start` serves the built web app; it builds it first when the build is missing or older than anything it is
 * made of (its sources, its build configuration, the API contract's types and the typed client), so a fresh clone
 * or a pulled change never serves a stale portal.
 */
export const webDirectory = (repositoryRoot: string): string => join(repositoryRoot, 'web');
/** web/dist, or TONGBAN_WEB_DIST (absolute) where the build writes (web/vite.config.ts reads the same variable). */
export const webDistDirectory = (repositoryRoot: string): string => process.env.TONGBAN_WEB_DIST ?? join(webDirectory(repositoryRoot), 'dist');

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

/** Why the build must be made again, or undefined when it is current. */
export function portalBuildStaleness(repositoryRoot: string): string | undefined {
  const index = portalIndexFile(webDistDirectory(repositoryRoot));
  if (!existsSync(index)) return 'web/dist is missing';
  const web = webDirectory(repositoryRoot);
  const inputs = [
    join(web, 'src'),
    join(web, 'build'),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(web, 'tsconfig.json'),
    join(web, 'package.json'),
    join(repositoryRoot, 'schemas', 'openapi.d.ts'),
    join(repositoryRoot, 'scripts', 'api', 'client.ts'),
  ];
  const builtAt = statSync(index).mtimeMs;
  const changed = inputs.find((input) => newestChange(input) > builtAt);
  return changed ? `${changed.slice(repositoryRoot.length + 1)} changed since the last build` : undefined;
}

/** Builds the web app (`npm run build:web`) when stale; throws with the build's output when the build fails. */
export function buildPortalIfStale(repositoryRoot: string, log: (line: string) => void): void {
  const reason = portalBuildStaleness(repositoryRoot);
  if (!reason) return;
  log(`… building the portal (${reason}): npm run build:web`);
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stdout}\n${build.stderr}`);
  const figures = build.stdout.split('\n').filter((line) => line.includes('first load'));
  for (const line of figures) log(`  ${line.replace(/^\[plugin [^\]]+\]\s*/, '')}`);
}
