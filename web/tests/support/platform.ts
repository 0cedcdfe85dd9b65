import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The platform the run started (playwright.config.ts): its origin and data directory, where `npm start` writes the
 * endpoints file the staff sign-ins read and the SMS outbox the citizens' codes are read from.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with npx playwright test (playwright.config.ts sets it)`);
  return value;
}

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const platformOrigin = (): string => required('TONGBAN_BROWSER_TEST_BASE_URL');
export const platformDataDir = (): string => required('TONGBAN_BROWSER_TEST_DATA_DIR');
export const outboxFile = (): string => join(platformDataDir(), 'outbox.jsonl');

/** The sample county of the journey, and its item 建设工程规划许可证核发. */
export const county = { tenantId: '522732', name: '三都水族自治县' } as const;
export const planningItem = { code: 'GTGH-0001', name: '建设工程规划许可证核发' } as const;
