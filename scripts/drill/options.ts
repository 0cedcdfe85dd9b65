/** The command line of `npm run drill`: how many case flows, how many crashes, and where the report goes. */
import { parseArgs } from 'node:util';

export interface DrillOptions {
  /** Complete case flows to run, from filing to the review. */
  readonly flows: number;
  /** Times the platform's process is killed with SIGKILL while they run. */
  readonly kills: number;
  /** Flows in progress at once. */
  readonly concurrency: number;
  /** The county, and the item each flow applies for. */
  readonly tenantId: string;
  readonly itemCode: string;
  /** Seeds the moments of the faults, so a run that found something can be repeated. */
  readonly seed: number;
  /** Where the report is also written as JSON. */
  readonly jsonFile?: string;
  /** Keep the temporary data directory (with the platform's whole output, drill-platform.log) instead of removing it. */
  readonly keepData: boolean;
  readonly help: boolean;
}

export const DEFAULT_TENANT = '522732';
/** 建设工程规划许可证核发 of 三都县: three departments in parallel (one a prerequisite), four materials to upload. */
export const DEFAULT_ITEM = 'GTGH-0001';

export const usage = [
  '用法 / usage: npm run drill -- --flows N --kills K [--concurrency C] [--item CODE] [--tenant CODE] [--seed S] [--json FILE] [--keep-data]',
  '',
  '故障演练：在临时数据目录上启动本地平台，并发办理 N 件完整办件，期间 K 次以 kill -9 结束平台进程并重启，',
  '冻结并杀死每个引擎一次，向每个队列投放毒消息；最后直接读取 DynamoDB，统计丢失的事件与错误的结果。',
  'The fault drill: starts the local platform on a fresh data directory, runs N complete case flows over HTTP while it',
  'kills the platform K times (kill -9) and restarts it, freezes and kills each engine once and puts poison messages on',
  'every queue; then reads DynamoDB directly and reports every lost event and wrong outcome.',
  '',
  'Options:',
  '  --flows N          complete case flows to run (filing, uploads, acceptance, every department, certificate, review)',
  '  --kills K          times the platform process is killed with SIGKILL and restarted on the same data and port',
  '  --concurrency C    flows in progress at once (default 3)',
  `  --item CODE        the item each flow applies for (default ${DEFAULT_ITEM}); its departments need handlers in config/local/staff.yaml`,
  `  --tenant CODE      the county (default ${DEFAULT_TENANT})`,
  '  --seed S           seeds the moments of the faults (default: the time of the run, printed in the report)',
  '  --json FILE        also write the report as JSON to FILE',
  '  --keep-data        keep the temporary data directory and the platform output (drill-platform.log) in it',
  '',
  'Exit codes: 0 nothing lost or wrong; 1 a figure of "lost or wrong" is not 0; 2 bad arguments, or the platform never served.',
].join('\n');

/** Refused arguments, with the reason in Chinese and English. */
export class UsageError extends Error {}

const count = (value: string | undefined, option: string, { min, fallback }: { min: number; fallback?: number }): number => {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`需要 ${option} / ${option} is required`);
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min)
    throw new UsageError(`${option} 须为不小于 ${min} 的整数 / ${option} must be a whole number of at least ${min}: ${value}`);
  return parsed;
};

/** `--flows N --kills K [--concurrency C] [--item CODE] [--tenant CODE] [--seed S] [--json FILE] [--keep-data]`; a wrong one is a UsageError. */
export function parseDrillArguments(argv: readonly string[]): DrillOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        flows: { type: 'string' },
        kills: { type: 'string' },
        concurrency: { type: 'string' },
        item: { type: 'string' },
        tenant: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        'keep-data': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`参数有误 / Bad arguments: ${(error as Error).message}`);
  }
  const text = (name: string) => values[name] as string | undefined;
  const help = Boolean(values.help);
  if (help) return { flows: 0, kills: 0, concurrency: 1, tenantId: DEFAULT_TENANT, itemCode: DEFAULT_ITEM, seed: 0, keepData: false, help };
  const tenantId = text('tenant') ?? DEFAULT_TENANT;
  if (!/^\d{6}$/.test(tenantId)) throw new UsageError(`--tenant 须为6位行政区划代码 / --tenant must be a 6-digit division code: ${tenantId}`);
  const jsonFile = text('json');
  if (jsonFile === '') throw new UsageError('--json 需要文件名 / --json needs a file name');
  return {
    flows: count(text('flows'), '--flows', { min: 1 }),
    kills: count(text('kills'), '--kills', { min: 0 }),
    concurrency: count(text('concurrency'), '--concurrency', { min: 1, fallback: 3 }),
    tenantId,
    itemCode: text('item') ?? DEFAULT_ITEM,
    seed: count(text('seed'), '--seed', { min: 0, fallback: Date.now() % 1_000_000 }),
    ...(jsonFile ? { jsonFile } : {}),
    keepData: Boolean(values['keep-data']),
    help,
  };
}
