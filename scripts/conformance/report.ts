/** What the conformance suite prints: one line per rule of the regulations, then the count. */

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

/** A rule of the regulations the suite exercises, as its line names it. */
export interface Rule {
  /** The name on the line: the Chinese term and an English gloss. */
  readonly label: string;
  /** The provision it comes from (seed documents of /work/shared/notes/domain.md), for the docs and --help. */
  readonly basis: string;
}

export const rules = {
  oneTimeNotice: { label: '一次性告知 one-time notice, once per case', basis: 'seed 004 art.10' },
  noticeWindow: { label: '告知时限 notice deadline in working days', basis: 'seed 004 art.10' },
  deemedAcceptance: { label: '视为受理 deemed acceptance after the notice deadline', basis: 'seed 004 art.10' },
  parallelApproval: { label: '并联审批 every department at once', basis: 'seed 001 §5(三)3, seed 004 art.17' },
  joinRule: { label: '并联审批 join: completed only when all approved', basis: 'seed 001 §5(三)3, seed 004 art.17' },
  suspension: { label: '中止计时 a special procedure stops the clock', basis: 'seed 004 art.11, seed 000 net art.19' },
  denialWithRights: { label: '不予许可 denial with reasons and the rights to 行政复议/行政诉讼', basis: 'seed 001 §5(三)5' },
  oneReviewPerTouchpoint: { label: '一事一评 one review per case and touchpoint', basis: 'seed 004 art.24–26, seed 002 §16' },
  rectificationDeadline: { label: '差评整改 a bad review opens a ledger entry with a working-day deadline', basis: 'seed 004 art.24–26' },
  publishedContract: { label: '接口契约 every answer matches the published document', basis: 'GET /v1/openapi.json' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

export interface RuleResult {
  readonly rule: RuleId;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** A rule that could not be exercised here: printed as SKIP with the reason, never as a pass. */
export class RuleSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RuleSkipped';
  }
}

/** Ends a rule as SKIP with the reason (what was checked, and what could not be). */
export function skip(reason: string): never {
  throw new RuleSkipped(reason);
}

/** Ends a rule as FAIL unless the condition holds. */
export function check(condition: unknown, failure: string): asserts condition {
  if (!condition) throw new Error(failure);
}

/** The lines so far, written as they come (`PASS|FAIL|SKIP <rule> — <detail>`), and the count at the end. */
export class Report {
  readonly results: RuleResult[] = [];

  constructor(private readonly write: (line: string) => void) {}

  record(rule: RuleId, verdict: Verdict, detail: string): void {
    this.results.push({ rule, verdict, detail });
    this.write(`${verdict} ${rules[rule].label} — ${detail.replace(/\s+/g, ' ').trim()}`);
  }

  /** Runs one rule: its detail is the PASS line; `skip()` makes it SKIP; any other error FAIL, with its message. */
  async evaluate(rule: RuleId, body: () => Promise<string>): Promise<boolean> {
    try {
      this.record(rule, 'PASS', await body());
      return true;
    } catch (error) {
      if (error instanceof RuleSkipped) this.record(rule, 'SKIP', error.message);
      else this.record(rule, 'FAIL', (error as Error).message);
      return false;
    }
  }

  count(verdict: Verdict): number {
    return this.results.filter((result) => result.verdict === verdict).length;
  }

  /** `N passed, N failed, N skipped`. */
  summary(): string {
    return `${this.count('PASS')} passed, ${this.count('FAIL')} failed, ${this.count('SKIP')} skipped`;
  }
}
