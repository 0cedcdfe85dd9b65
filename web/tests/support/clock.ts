import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { platformDataDir } from './platform';

/**
 * The local clock drill (infra/local/clock-control.ts): moves the platform's clock forward so deadlines pass, as the
 * days would. The browser tests' platform runs with TONGBAN_LOCAL_CLOCK_CONTROL=on (playwright.config.ts); the move
 * lasts for the rest of the run, so a test that uses it files its own cases after it or counts on their deadlines passing.
 */
export async function advanceClock(days: number): Promise<void> {
  const { url } = JSON.parse(readFileSync(join(platformDataDir(), 'clock-control.json'), 'utf8')) as { url: string };
  const answer = await fetch(`${url}/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ days }) });
  expect(answer.ok, `clock advance: HTTP ${answer.status}`).toBe(true);
}
