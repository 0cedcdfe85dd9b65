import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type TongbanClient } from '../../../scripts/api/client';
import { outboxFile, platformDataDir, platformOrigin, repositoryRoot } from './platform';

/**
 * ID tokens of the people the tests act for through the API, from `npm run token` (scripts/token.ts): it signs in
 * through the local providers' real code + PKCE flow with the code from the outbox (infra/local/sign-in.ts). It runs
 * as its own process because the provider's modules are ES modules Playwright's loader cannot link from here.
 */
const run = promisify(execFile);
const tokens = new Map<string, Promise<string>>();

function tokenOf(args: readonly string[]): Promise<string> {
  const key = args.join(' ');
  let token = tokens.get(key);
  if (!token) {
    token = run(join(repositoryRoot, 'node_modules', '.bin', 'tsx'), ['scripts/token.ts', ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, TONGBAN_DATA_DIR: platformDataDir() },
    }).then(({ stdout }) => stdout.trim());
    tokens.set(key, token);
    // a refused sign-in is not kept: the next call tries again
    token.catch(() => tokens.delete(key));
  }
  return token;
}

/** The typed client (scripts/api/client.ts) of a member of staff of a county, by 工号. */
export async function staffClient(tenantId: string, staffId: string): Promise<TongbanClient> {
  return createClient({ baseUrl: platformOrigin(), token: await tokenOf(['--staff', staffId, '--tenant', tenantId]) });
}

/** The typed client of a citizen, by the phone of their account. */
export async function citizenClient(phone: string): Promise<TongbanClient> {
  return createClient({ baseUrl: platformOrigin(), token: await tokenOf(['--citizen', phone]) });
}

interface OutboxSignInCode {
  readonly kind?: string;
  readonly audience?: string;
  readonly phone?: string;
  readonly code?: string;
  readonly expiresAt?: string;
}

/** The newest sign-in code the SMS outbox holds for a citizen's phone, while it is valid. */
export function newestCitizenCode(phone: string): string | undefined {
  const file = outboxFile();
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse();
  for (const text of lines) {
    const line = JSON.parse(text) as OutboxSignInCode;
    if (line.kind === 'sign-in-code' && line.audience === 'citizen' && line.phone === phone) {
      return line.expiresAt && Date.parse(line.expiresAt) > Date.now() ? line.code : undefined;
    }
  }
  return undefined;
}
