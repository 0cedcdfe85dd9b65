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
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoHolidayNoticeStore } from '../functions/calendar/adapters/dynamo-holiday-notice-store';
import { loadHolidayNotice, type LoadNoticeResult } from '../functions/calendar/use-cases';
import type { NoticeIssue } from '../functions/domain/holiday-notice';
import { ValidationError } from '../functions/shared/errors';
import { systemClock, ulidGenerator } from '../functions/shared/runtime';
import { operatorArguments, operatorTable } from './local-platform';

const usage = '用法 / usage: npm run calendar:load -- FILE [--by NAME] [--reason TEXT] [--table NAME]';

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
  const options = operatorArguments(process.argv.slice(2));
  const [file, ...extra] = options.files;
  if (file === undefined || extra.length > 0) {
    console.error(`${usage}${extra.length > 0 ? '\n一次只加载一个文件 / One file at a time' : ''}`);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`✗ ${file}: 文件不存在 / File not found`);
    return 2;
  }
  const text = readFileSync(file, 'utf8');
  // who loaded it goes into the audit trail: without --by, the person at this terminal
  const by = options.by ?? `${userInfo().username}@${hostname()}`;
  const { client, tableName, label } = operatorTable(options.table);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const deps = { notices: new DynamoHolidayNoticeStore(documents, tableName), clock: systemClock, ids: ulidGenerator };
  try {
    console.log(describe(await loadHolidayNotice(deps, { text, by, ...(options.reason !== undefined ? { reason: options.reason } : {}) }), label));
    return 0;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.error(`✗ ${file}: ${error.message}`);
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
