/** The command line of `npm run conformance`: where the deployment is and who signs in. */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rules } from './report';

/** The applicant the citizen token belongs to: an online application is filed in the account's own name. */
export interface ApplicantIdentity {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: '居民身份证' | '统一社会信用代码' | '护照' | '港澳居民来往内地通行证' | '台湾居民来往大陆通行证' | '外国人永久居留身份证';
  readonly idNumber: string;
  readonly phone: string;
}

export interface ConformanceOptions {
  readonly baseUrl?: string;
  readonly tenantId: string;
  readonly itemCode: string;
  readonly citizenToken?: string;
  readonly applicant?: ApplicantIdentity;
  readonly windowToken?: string;
  /** Handler (or department head) tokens by department. */
  readonly handlerTokens: ReadonlyMap<string, string>;
  readonly supervisorToken?: string;
  /** A local platform's data directory: missing tokens are obtained through its providers, and its drill is used. */
  readonly localDataDir?: string;
  /** For --local-data-dir: the phone of the real-name citizen to sign in (config/local/citizens.yaml). */
  readonly citizenPhone?: string;
  /** A case filed by an earlier run and left undecided, to check that it was deemed accepted. */
  readonly deemedCaseId?: string;
  readonly timeoutMs: number;
  readonly help: boolean;
}

export const DEFAULT_TENANT = '522732';
/** 建设工程规划许可证核发 of 三都县: parallel (国土局 lead, 住建局, 公安局), a prerequisite, 现场勘察, a 5-day notice window. */
export const DEFAULT_ITEM = 'GTGH-0001';

export const usage = [
  '用法 / usage:',
  '  npm run conformance -- --base-url <URL> --tenant <code> --citizen-token <jwt> --applicant <json>',
  '      --window-token <jwt> --handler-token <dept>=<jwt> … --supervisor-token <jwt> [--item <code>] [--deemed-case <caseId>]',
  '  npm run conformance -- --local-data-dir <dir> [--tenant <code>] [--citizen-phone <phone>]   (npm start: signs in itself)',
  '',
  '在任一部署（本地或 AWS）上通过 HTTP 运行情景测试，逐条输出所检验的规则：PASS、FAIL 或 SKIP（附原因）。',
  'Runs scenarios over HTTP against any deployment and prints one line per rule of the regulations it exercises.',
  '',
  'Options:',
  '  --base-url URL            the API origin (without /v1); with --local-data-dir, the running platform’s by default',
  '  --tenant CODE             the county (6-digit division code); default 522732 with --local-data-dir',
  `  --item CODE               a parallel item of that county with a special procedure (default ${DEFAULT_ITEM})`,
  '  --citizen-token JWT       a real-name (L3+) citizen’s ID token; files the applications and rates them',
  '  --applicant JSON          who that citizen is: {"kind","name","idType","idNumber","phone"} (online filing is in one’s own name)',
  '  --window-token JWT        a window clerk’s ID token (acceptance decisions)',
  '  --handler-token DEPT=JWT  a handler’s (or department head’s) ID token, once per department of the item',
  '  --supervisor-token JWT    a supervisor’s ID token (reads the rectification ledger)',
  '  --deemed-case CASEID      a case an earlier run left undecided: check that it was deemed accepted after its deadline',
  '  --local-data-dir DIR      a local platform (npm start, TONGBAN_DATA_DIR): signs in missing callers through its',
  '                            providers (config/local/*.yaml) and uses its drill for deemed acceptance',
  '  --citizen-phone PHONE     with --local-data-dir: the citizen of config/local/citizens.yaml to sign in',
  '  --timeout-seconds N       how long to wait for asynchronous steps (workflow, queues); default 60',
  '  Any token may be given as @FILE to read it from a file (tokens on a command line are visible to other users).',
  '',
  'Rules:',
  ...Object.values(rules).map((rule) => `  ${rule.label} (${rule.basis})`),
  '',
  'Exit codes: 0 no rule failed; 1 a rule failed; 2 bad arguments, or the deployment could not be reached or signed in to.',
].join('\n');

/** Refused arguments, with the reason in Chinese and English. */
export class UsageError extends Error {}

/** A token given as the JWT itself or as @FILE. */
const tokenValue = (value: string, option: string): string => {
  if (!value.startsWith('@')) return value.trim();
  const file = value.slice(1);
  if (!existsSync(file)) throw new UsageError(`找不到文件 / No such file for ${option}: ${file}`);
  return readFileSync(file, 'utf8').trim();
};

const applicantKinds = ['person', 'organisation'];

function applicantValue(value: string): ApplicantIdentity {
  const text = value.startsWith('@') ? tokenValue(value, '--applicant') : value;
  let parsed: Partial<Record<keyof ApplicantIdentity, unknown>>;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new UsageError('--applicant 须为 JSON / --applicant must be JSON: {"kind","name","idType","idNumber","phone"}');
  }
  const missing = (['kind', 'name', 'idType', 'idNumber', 'phone'] as const).filter((key) => typeof parsed[key] !== 'string' || parsed[key] === '');
  if (missing.length > 0 || !applicantKinds.includes(parsed.kind as string)) {
    throw new UsageError(`--applicant 缺少字段 / --applicant needs kind (person|organisation), name, idType, idNumber, phone: ${missing.join(', ') || 'kind'}`);
  }
  return parsed as unknown as ApplicantIdentity;
}

/** Parses the arguments; a wrong one is a UsageError. */
export function parseConformanceArguments(argv: readonly string[]): ConformanceOptions {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        tenant: { type: 'string' },
        item: { type: 'string' },
        'citizen-token': { type: 'string' },
        applicant: { type: 'string' },
        'window-token': { type: 'string' },
        'handler-token': { type: 'string', multiple: true },
        'supervisor-token': { type: 'string' },
        'local-data-dir': { type: 'string' },
        'citizen-phone': { type: 'string' },
        'deemed-case': { type: 'string' },
        'timeout-seconds': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`参数有误 / Bad arguments: ${(error as Error).message}`);
  }
  const text = (name: string) => values[name] as string | undefined;
  const localDataDir = text('local-data-dir');
  const tenantId = text('tenant') ?? (localDataDir ? DEFAULT_TENANT : undefined);
  const help = Boolean(values.help);
  if (!help && !text('base-url') && !localDataDir)
    throw new UsageError('需要 --base-url 或 --local-data-dir / Give --base-url, or --local-data-dir for npm start');
  if (!help && !tenantId) throw new UsageError('需要 --tenant / Give --tenant <6-digit county code>');
  if (tenantId && !/^\d{6}$/.test(tenantId)) throw new UsageError(`--tenant 须为6位行政区划代码 / --tenant must be a 6-digit division code: ${tenantId}`);
  const handlerTokens = new Map<string, string>();
  for (const entry of (values['handler-token'] as string[] | undefined) ?? []) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new UsageError(`--handler-token 须为 部门=令牌 / --handler-token must be DEPT=JWT: ${entry.slice(0, 20)}…`);
    handlerTokens.set(entry.slice(0, separator).trim().toUpperCase(), tokenValue(entry.slice(separator + 1), `--handler-token ${entry.slice(0, separator)}`));
  }
  const citizenToken = text('citizen-token');
  const applicant = text('applicant');
  if (citizenToken && !applicant && !localDataDir) {
    throw new UsageError('--citizen-token 需配 --applicant / --citizen-token needs --applicant (who the account is: online filing is in one’s own name)');
  }
  const timeoutSeconds = Number(text('timeout-seconds') ?? 60);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout-seconds: ${text('timeout-seconds')}`);
  return {
    ...(text('base-url') ? { baseUrl: text('base-url') } : {}),
    tenantId: tenantId ?? DEFAULT_TENANT,
    itemCode: text('item') ?? DEFAULT_ITEM,
    ...(citizenToken ? { citizenToken: tokenValue(citizenToken, '--citizen-token') } : {}),
    ...(applicant ? { applicant: applicantValue(applicant) } : {}),
    ...(text('window-token') ? { windowToken: tokenValue(text('window-token') as string, '--window-token') } : {}),
    handlerTokens,
    ...(text('supervisor-token') ? { supervisorToken: tokenValue(text('supervisor-token') as string, '--supervisor-token') } : {}),
    ...(localDataDir ? { localDataDir } : {}),
    ...(text('citizen-phone') ? { citizenPhone: text('citizen-phone') } : {}),
    ...(text('deemed-case') ? { deemedCaseId: text('deemed-case') } : {}),
    timeoutMs: timeoutSeconds * 1000,
    help,
  };
}
