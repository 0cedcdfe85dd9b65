/**
 * `npm run reconcile [-- --grace SECONDS] [--lookback DAYS]`: runs the reconciler once against the running local
 * platform (`npm start`) and prints what it repaired. On AWS the same function runs every 15 minutes; run it by hand
 * with `aws lambda invoke --function-name <ReconcileCases function> --payload '{}' out.json`.
 */
import { parseArgs } from 'node:util';
import { runningLocalPlatform } from './local-platform';

function options(argv: string[]): { graceSeconds?: number; lookbackDays?: number } {
  try {
    const { values } = parseArgs({ args: argv, options: { grace: { type: 'string' }, lookback: { type: 'string' } }, strict: true });
    const whole = (text: string | undefined, name: string) => {
      if (text === undefined) return undefined;
      if (!/^\d+$/.test(text)) throw new Error(`--${name} 应为非负整数 / --${name} must be a whole number`);
      return Number(text);
    };
    const graceSeconds = whole(values.grace, 'grace');
    const lookbackDays = whole(values.lookback, 'lookback');
    return { ...(graceSeconds !== undefined ? { graceSeconds } : {}), ...(lookbackDays !== undefined ? { lookbackDays } : {}) };
  } catch (error) {
    throw new Error(`参数有误 / Bad arguments: ${(error as Error).message}`, { cause: error });
  }
}

async function main(): Promise<void> {
  const wanted = options(process.argv.slice(2));
  // the handlers' environment of the running platform: the SDK clients are built after it is in place
  Object.assign(process.env, runningLocalPlatform());
  const { reconcileCases } = require('../functions/reconciliation/use-cases') as typeof import('../functions/reconciliation/use-cases');
  const { reconciliationDependencies } = require('../functions/reconciliation/wiring') as typeof import('../functions/reconciliation/wiring');
  const { DEFAULT_WINDOW } = require('../functions/reconciliation/domain/findings') as typeof import('../functions/reconciliation/domain/findings');
  const report = await reconcileCases(reconciliationDependencies(), {
    window: {
      graceMs: wanted.graceSeconds !== undefined ? wanted.graceSeconds * 1000 : DEFAULT_WINDOW.graceMs,
      lookbackMs: wanted.lookbackDays !== undefined ? wanted.lookbackDays * 86_400_000 : DEFAULT_WINDOW.lookbackMs,
    },
  });
  console.log(`核对 ${report.tenants} 个县（区）${report.casesChecked} 件 / checked ${report.casesChecked} case(s) of ${report.tenants} county(ies)`);
  for (const [kind, count] of Object.entries(report.repairs)) console.log(`  ${kind.padEnd(24)} ${count}`);
  console.log(`修复 ${report.repaired} 项 / ${report.repaired} repair(s); 失败 ${report.failures.length} / ${report.failures.length} failure(s)`);
  for (const failure of report.failures) console.log(`  ✗ ${failure.tenantId} ${failure.caseId} ${failure.kind}: ${failure.error}`);
  process.exitCode = report.failures.length > 0 ? 1 : 0;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 2;
});
