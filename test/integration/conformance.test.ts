import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_CLOCK_OFFSET_VARIABLE } from '../../functions/shared/runtime';
import { main } from '../../scripts/conformance/index';
import { rules } from '../../scripts/conformance/report';
import { aPlatformForThisFile, repositoryRoot } from './support/platform';

const TENANT = '522732';

/** Runs a command to its end without blocking this process, which serves the platform the command talks to. */
function run(command: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repositoryRoot, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The verdict of each rule line, by the rule's label. */
const verdicts = (lines: readonly string[]) =>
  Object.fromEntries(
    Object.values(rules).map((rule) => [rule.label, lines.find((line) => line.slice(5).startsWith(`${rule.label} — `))?.slice(0, 4) ?? 'missing']),
  );

const failedLines = (lines: readonly string[]) => lines.filter((line) => line.startsWith('FAIL '));

const allPass = Object.fromEntries(Object.values(rules).map((rule) => [rule.label, 'PASS']));

/**
 * The conformance suite (issue 13, item 5) against the platform as `npm start` runs it: the sample counties onboarded,
 * the accounts of config/local/*.yaml. This is how it runs against npm start in CI.
 */
describe('given the local platform with the sample counties and the local accounts', () => {
  const running = aPlatformForThisFile();

  it('when npm run conformance -- --local-data-dir runs from another process, then no rule fails, and only the one needing the drill clock is skipped', async () => {
    const { code, stdout, stderr } = await run(join(repositoryRoot, 'node_modules', '.bin', 'tsx'), [
      'scripts/conformance/index.ts',
      '--local-data-dir',
      running.dataDir,
      '--tenant',
      TENANT,
    ]);
    const lines = stdout.trim().split('\n');
    expect({ code, failed: failedLines(lines), summary: lines.at(-1), stderr }).toEqual({
      code: 0,
      failed: [],
      summary: '9 passed, 0 failed, 1 skipped',
      stderr: '',
    });
    // another process cannot move the platform's clock: the receipt is moved back for 视为受理, and a suspension of
    // 0 working days cannot show the deadline moving on
    expect(verdicts(lines)).toEqual({ ...allPass, [rules.suspension.label]: 'SKIP' });
    expect(lines.find((line) => line.includes(rules.suspension.label))).toContain('no drill clock');
  }, 300_000);

  it("when the suite runs in the platform's own process with the drill clock, then every rule passes, the suspension's working days included", async () => {
    const lines: string[] = [];
    const code = await main(['--local-data-dir', running.dataDir, '--tenant', TENANT], {
      write: (line) => lines.push(line),
      clock: {
        now: () => new Date(Date.now() + Number(process.env[LOCAL_CLOCK_OFFSET_VARIABLE] ?? 0)),
        advance: (milliseconds) => running.platform.advanceClock(milliseconds),
      },
    });
    expect({ code, failed: failedLines(lines), summary: lines.at(-1) }).toEqual({ code: 0, failed: [], summary: '10 passed, 0 failed, 0 skipped' });
    expect(verdicts(lines)).toEqual(allPass);
    // two working days passed during the 现场勘察: both deadlines moved on by them
    expect(lines.find((line) => line.includes(rules.suspension.label))).toMatch(/resumed after 2 working day\(s\)/);
  }, 300_000);
});
