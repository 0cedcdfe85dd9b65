import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../..');

/** The absolute path of a repository module, for `require` inside a child script. */
export const moduleAt = (relative: string): string => JSON.stringify(path.join(repositoryRoot, relative));

/**
 * Runs a CommonJS script (TypeScript through tsx) in a child process whose time zone is `timeZone`, and
 * returns what it wrote to stdout as JSON: the only way to prove code does not depend on the process zone.
 */
export function runUnderTimeZone<T>(timeZone: string, script: string): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: repositoryRoot,
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`child under TZ=${timeZone} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}
