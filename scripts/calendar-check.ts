/**
 * Operations check over the years the next 400 days touch: which have an official State Council holiday
 * notice, which are counted provisionally on the holiday law until theirs is published, and whether the
 * next notice is due (the same warning as `npm start`, the supervision dashboard and the daily
 * `CalendarNoticeDue` metric). A provisional year only needs action once its notice is due; a year
 * beyond the provisional ones cannot be counted at all (`CalendarNotAvailable`).
 *
 * The notices checked are those the platform counts on: the running local platform's (default, which
 * includes notices loaded with `npm run calendar:load`), a deployed table's (`--table NAME`), or, when
 * neither is reachable, the ones shipped with the software.
 *
 * Usage: npm run calendar:check -- [--today YYYY-MM-DD] [--table NAME]
 * Exit codes: 0 nothing to do, 1 the next notice is due or a year cannot be counted, 2 bad arguments.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoHolidayNoticeStore } from '../functions/calendar/adapters/dynamo-holiday-notice-store';
import { officialCalendarYears } from '../functions/domain/calendar-data';
import {
  type CalendarYearRecord,
  InvalidInstantError,
  nationalCalendarFrom,
  shanghaiDate,
  startOfShanghaiDayMillis,
  type WorkingCalendar,
} from '../functions/domain/calendar';
import { calendarWarning } from '../functions/domain/calendar-warning';
import { environmentNames } from '../functions/shared/environment-names';
import { localEndpointsFile } from '../infra/local/endpoints-file';

const LOOKAHEAD_DAYS = 400;
const DAY_MS = 86_400_000;
const usage = '用法 / usage: npm run calendar:check -- [--today YYYY-MM-DD] [--table NAME]';

/** Shanghai date to check from: `--today YYYY-MM-DD` or the real today; undefined when the flag is malformed. */
function todayFromArguments(args: readonly string[]): string | undefined {
  const flagAt = args.indexOf('--today');
  if (flagAt === -1) return shanghaiDate(new Date().toISOString());
  const value = args[flagAt + 1] ?? '';
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? shanghaiDate(value) : undefined;
  } catch (error) {
    if (error instanceof InvalidInstantError) return undefined;
    throw error;
  }
}

interface CheckedNotices {
  readonly source: string;
  readonly notices: readonly { readonly notice: CalendarYearRecord; readonly version?: number }[];
}

async function storedNotices(client: DynamoDBClient, tableName: string, source: string): Promise<CheckedNotices> {
  const store = new DynamoHolidayNoticeStore(DynamoDBDocumentClient.from(client), tableName);
  return { source, notices: await store.current() };
}

const shipped = (why: string): CheckedNotices => ({
  source: `随软件发布的节假日安排 / the notices shipped with the software (${why})`,
  notices: officialCalendarYears.map((notice) => ({ notice })),
});

/** The notices the platform counts on; see the module comment for which. */
async function noticesToCheck(table: string | undefined): Promise<CheckedNotices> {
  if (table) return storedNotices(new DynamoDBClient({}), table, `deployed table ${table}`);
  const endpointsFile = localEndpointsFile(process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data'));
  if (!existsSync(endpointsFile)) return shipped('本地平台未运行 / the local platform is not running');
  const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as Record<string, string>;
  // a platform that stopped without removing its file must not make the check hang on retries
  const client = new DynamoDBClient({
    endpoint: endpoints.AWS_ENDPOINT_URL_DYNAMODB,
    region: endpoints.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    return await storedNotices(client, endpoints[environmentNames.tableName] as string, `local platform ${endpoints.url}`);
  } catch (error) {
    return shipped(`本地平台无法访问 / the local platform did not answer: ${(error as Error).message}`);
  }
}

type YearState = 'official' | 'due' | 'provisional' | 'missing';

/** A provisional year is due when it is the one the warning names (the notice after the last official one). */
function yearState(calendar: WorkingCalendar, year: number, dueYear: number | undefined): YearState {
  if (calendar.officialYears().includes(year)) return 'official';
  if (!calendar.isProvisionalYear(year)) return 'missing';
  return year === dueYear ? 'due' : 'provisional';
}

function yearLine(state: YearState, year: number, neededFrom: string): string {
  switch (state) {
    case 'official':
      return `  ✓ ${year}: loaded / 已加载`;
    case 'due':
      return `  ✗ ${year}: notice due, counted provisionally until loaded, needed from ${neededFrom} / 应加载正式安排，加载前按法定节假日暂算，自 ${neededFrom} 起需要`;
    case 'provisional':
      return `  · ${year}: not published yet, counted provisionally / 尚未公布，按法定节假日暂算`;
    case 'missing':
      return `  ✗ ${year}: MISSING, needed from ${neededFrom}: deadlines there cannot be counted / 缺失，自 ${neededFrom} 起需要，期限无法计算`;
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const today = todayFromArguments(args);
  const tableAt = args.indexOf('--table');
  const table = tableAt === -1 ? undefined : args[tableAt + 1];
  if (today === undefined || (tableAt !== -1 && !table)) {
    console.error(usage);
    return 2;
  }
  const horizon = shanghaiDate(new Date(startOfShanghaiDayMillis(today) + LOOKAHEAD_DAYS * DAY_MS).toISOString());
  const { source, notices } = await noticesToCheck(table);
  const calendar = nationalCalendarFrom(notices.map((entry) => entry.notice));

  console.log(`Source / 来源: ${source}`);
  console.log(`Loaded working-day calendars / 已加载节假日安排: ${calendar.officialYears().join(', ')}`);
  for (const { notice, version } of notices) {
    console.log(`  ${notice.year}: ${notice.documentNumber} (${notice.publishedOn})${version === undefined ? '' : ` v${version}`} ${notice.source}`);
  }
  if (calendar.provisionalYears().length > 0) console.log(`Provisional / 按法定节假日暂算: ${calendar.provisionalYears().join(', ')}`);
  console.log(`Checking ${today} .. ${horizon} (${LOOKAHEAD_DAYS} days) / 检查区间`);

  const warning = calendarWarning(calendar, today);
  const missing: number[] = [];
  for (let year = Number(today.slice(0, 4)); year <= Number(horizon.slice(0, 4)); year++) {
    const neededFrom = year === Number(today.slice(0, 4)) ? today : `${year}-01-01`;
    const state = yearState(calendar, year, warning ? warning.lastOfficialYear + 1 : undefined);
    console.log(yearLine(state, year, neededFrom));
    if (state === 'due' || state === 'missing') missing.push(year);
  }

  if (warning) console.error(`⚠ ${warning.message}`);
  if (missing.length > 0) {
    const years = missing.join(', ');
    console.error(
      `缺少 ${years} 年国务院办公厅节假日安排：公布后请执行 npm run calendar:load -- <文件> 加载。\n` +
        `Missing State Council holiday arrangements for ${years}: load each notice with npm run calendar:load -- FILE once it is published.`,
    );
    return 1;
  }
  console.log('Nothing to load now / 暂无需加载的节假日安排');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exitCode = 2;
  },
);
