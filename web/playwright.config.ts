import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The browser tests (issue 14): Debian's Chromium (no browser download) against the real local platform, which
 * `npm start` runs for the whole run on a port of its own and a fresh data directory. Workers and retries are fixed:
 * one platform, one worker, and a flaky step is a failure to look at, not to retry.
 */
const port = Number(process.env.TONGBAN_BROWSER_TEST_PORT ?? 3310);
// For working on the tests: TONGBAN_BROWSER_TEST_PLATFORM=running uses an `npm start` already serving on that port
// with TONGBAN_BROWSER_TEST_DATA_DIR as its TONGBAN_DATA_DIR (it must be started from an empty directory to match a run).
const platformRunning = process.env.TONGBAN_BROWSER_TEST_PLATFORM === 'running';
const baseURL = `http://localhost:${port}`;

// The runner loads this file first and its worker processes load it again with the runner's environment, so the data
// directory made here (before the web server starts) is the one the platform, the tests and their sign-ins all use.
if (!process.env.TONGBAN_BROWSER_TEST_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-browser-'));
  process.env.TONGBAN_BROWSER_TEST_DATA_DIR = dataDir;
  // after the web server is stopped: the platform writes into the directory until then
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
process.env.TONGBAN_BROWSER_TEST_BASE_URL = baseURL;
const dataDir = process.env.TONGBAN_BROWSER_TEST_DATA_DIR;

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['junit', { outputFile: 'test-results/junit.xml' }], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell' },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1366, height: 768 } }, testIgnore: /\.(mobile|tablet)\.spec\.ts$/ },
    // the workbench is desktop first and usable on a tablet (issue 15): its pages at 768 × 1024
    { name: 'tablet-768', use: { viewport: { width: 768, height: 1024 }, hasTouch: true }, testMatch: /\.tablet\.spec\.ts$/ },
    { name: 'mobile-375', use: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }, testMatch: /\.mobile\.spec\.ts$/ },
  ],
  webServer: platformRunning
    ? undefined
    : {
        command: 'npm start',
        cwd: '..',
        url: `${baseURL}/health`,
        // the clock control lets a journey make a case yellow or red (local server only, never on AWS)
        env: { PORT: String(port), TONGBAN_DATA_DIR: dataDir, TONGBAN_LOCAL_CLOCK_CONTROL: 'on' },
        // the start builds the portal when web/ changed since the last build, then starts every engine
        timeout: 300_000,
        reuseExistingServer: false,
        // the platform's log (sign-in codes, every request) only when asked for, as in the integration tests
        stdout: process.env.TONGBAN_TEST_LOG ? 'pipe' : 'ignore',
        stderr: 'pipe',
      },
});
