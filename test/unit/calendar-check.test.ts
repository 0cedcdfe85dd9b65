import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

function runCalendarCheck(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/calendar-check.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('given the loaded notices 2024–2026', () => {
  describe('when the calendar check runs on 2026-11-23 (the next 400 days reach 2027)', () => {
    let run: ReturnType<typeof runCalendarCheck>;
    beforeAll(() => {
      run = runCalendarCheck('--today', '2026-11-23');
    });
    it('then it exits non-zero and names 2027 as missing in Chinese and English', () => {
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('✗ 2027');
      expect(run.stderr).toContain('缺少 2027 年');
      expect(run.stderr).toContain('Missing State Council holiday arrangements for 2027');
    });
  });

  describe('when the calendar check runs on 2025-06-01 (the next 400 days end in 2026)', () => {
    let run: ReturnType<typeof runCalendarCheck>;
    beforeAll(() => {
      run = runCalendarCheck('--today', '2025-06-01');
    });
    it('then it exits 0 and lists the loaded years', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('2024, 2025, 2026');
      expect(run.stdout).toContain('✓ 2026');
    });
  });

  describe('when --today is not a real date', () => {
    let run: ReturnType<typeof runCalendarCheck>;
    beforeAll(() => {
      run = runCalendarCheck('--today', '2025-02-30');
    });
    it('then it exits 2 with the usage', () => {
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage');
    });
  });
});
