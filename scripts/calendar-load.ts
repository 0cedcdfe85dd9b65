/**
 * Operator CLI: loads one year's State Council holiday notice (JSON or YAML, see the README) into the
 * running local platform (default) or, with `--table NAME`, into a deployed stack's table using the
 * standard AWS credentials chain. Functions see it within CALENDAR_CACHE_TTL_SECONDS (default 60 s).
 *
 * Usage: `npm run calendar:load -- FILE [--by NAME] [--reason TEXT] [--table NAME]`
 *
 * Exit codes: 0 loaded, corrected or unchanged; 1 invalid notice (every problem printed, nothing
 * stored); 2 the file or the target could not be reached, or another load won meanwhile.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoHolidayNoticeStore } from '../functions/calendar/adapters/dynamo-holiday-notice-store';
import { loadHolidayNotice, type LoadNoticeResult } from '../functions/calendar/use-cases';
import type { NoticeIssue } from '../functions/domain/holiday-notice';
import { ValidationError } from '../functions/shared/errors';
import { systemClock, ulidGenerator } from '../functions/shared/runtime';
import { environmentNames } from '../functions/shared/environment-names';
import { localEndpointsFile } from '../infra/local/endpoints-file';

const usage = '用法 / usage: npm run calendar:load -- FILE [--by NAME] [--reason TEXT] [--table NAME]';

interface Options {
  file?: string;
  by: string;
  reason?: string;
  table?: string;
}

function parseArguments(argv: string[]): Options {
  // who loaded it goes into the audit trail: without --by, the person at this terminal
  const options: Options = { by: `${userInfo().username}@${hostname()}` };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${argument} 需要一个值 / needs a value`);
      index += 1;
      return next;
    };
    if (argument === '--by') options.by = value();
    else if (argument === '--reason') options.reason = value();
    else if (argument === '--table') options.table = value();
    else if (options.file === undefined) options.file = argument;
    else throw new Error(`一次只加载一个文件 / One file at a time (got ${options.file} and ${argument})`);
  }
  return options;
}

function target(options: Options): { client: DynamoDBClient; tableName: string; label: string } {
  if (options.table) return { client: new DynamoDBClient({}), tableName: options.table, label: `deployed table ${options.table}` };
  const endpointsFile = localEndpointsFile(process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data'));
  if (!existsSync(endpointsFile)) {
    throw new Error(
      '本地平台未运行，请先执行 npm start / The local platform is not running: start it with npm start (or pass --table NAME for a deployed stack)',
    );
  }
  const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as Record<string, string>;
  const client = new DynamoDBClient({
    endpoint: endpoints.AWS_ENDPOINT_URL_DYNAMODB,
    region: endpoints.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { client, tableName: endpoints[environmentNames.tableName] as string, label: `local platform ${endpoints.url}` };
}

function describe(result: LoadNoticeResult, label: string): string {
  const what = `${result.year} ${result.documentNumber}`;
  if (result.status === 'unchanged')
    return `✓ ${what}：与当前第 ${result.version} 版相同，未写入 / identical to the current version ${result.version}; nothing written (${label})`;
  // the functions' TTL is their own setting, not this shell's: name the setting and its default
  const seen =
    '各函数在缓存有效期（CALENDAR_CACHE_TTL_SECONDS，默认 60 秒）内生效 / functions see it within their cache TTL (CALENDAR_CACHE_TTL_SECONDS, default 60 s)';
  if (result.status === 'loaded') return `✓ ${what}：已加载为第 ${result.version} 版 / loaded as version ${result.version} → ${label}; ${seen}`;
  return `✓ ${what}：已更正为第 ${result.version} 版，第 ${result.previousVersion} 版保留 / corrected: version ${result.version} replaces version ${result.previousVersion}, which is kept → ${label}; ${seen}`;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if (options.file === undefined) {
    console.error(usage);
    return 2;
  }
  if (!existsSync(options.file)) {
    console.error(`✗ ${options.file}: 文件不存在 / File not found`);
    return 2;
  }
  const text = readFileSync(options.file, 'utf8');
  const { client, tableName, label } = target(options);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const deps = { notices: new DynamoHolidayNoticeStore(documents, tableName), clock: systemClock, ids: ulidGenerator };
  try {
    console.log(describe(await loadHolidayNotice(deps, { text, by: options.by, ...(options.reason !== undefined ? { reason: options.reason } : {}) }), label));
    return 0;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.error(`✗ ${options.file}: ${error.message}`);
    // the use case puts the notice's issues, each with its place, in the error's details
    for (const issue of (error.details ?? []) as readonly Partial<NoticeIssue>[]) {
      console.error(
        `  ${issue.path || '(file)'}${issue.line === undefined ? '' : ` (line ${issue.line})`}${issue.code ? ` [${issue.code}]` : ''} ${issue.message}`,
      );
    }
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(2);
  },
);
