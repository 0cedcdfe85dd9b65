/**
 * Operations check: is a State Council holiday notice loaded for every year the next 400 days touch?
 * Deadlines in a year without a notice throw `CalendarNotAvailable`, so the next year must be loaded
 * before any case can run into it.
 *
 * Usage: npx tsx scripts/calendar-check.ts [--today YYYY-MM-DD]
 * Exit codes: 0 all covered, 1 a year is missing, 2 bad arguments.
 */
import { officialCalendarYears } from '../functions/domain/calendar-data';
import { InvalidInstantError, loadedYears, shanghaiDate, startOfShanghaiDayMillis } from '../functions/domain/calendar';

const LOOKAHEAD_DAYS = 400;
const DAY_MS = 86_400_000;

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

function main(): number {
  const today = todayFromArguments(process.argv.slice(2));
  if (today === undefined) {
    console.error('用法 / usage: npx tsx scripts/calendar-check.ts [--today YYYY-MM-DD]');
    return 2;
  }
  const horizon = shanghaiDate(new Date(startOfShanghaiDayMillis(today) + LOOKAHEAD_DAYS * DAY_MS).toISOString());

  console.log(`Loaded working-day calendars / 已加载节假日安排: ${loadedYears().join(', ')}`);
  for (const record of officialCalendarYears) {
    console.log(`  ${record.year}: ${record.documentNumber} (${record.publishedOn}) ${record.source}`);
  }
  console.log(`Checking ${today} .. ${horizon} (${LOOKAHEAD_DAYS} days) / 检查区间`);

  const loaded = new Set(loadedYears());
  const missing: number[] = [];
  for (let year = Number(today.slice(0, 4)); year <= Number(horizon.slice(0, 4)); year++) {
    const neededFrom = year === Number(today.slice(0, 4)) ? today : `${year}-01-01`;
    if (loaded.has(year)) {
      console.log(`  ✓ ${year}: loaded / 已加载`);
    } else {
      missing.push(year);
      console.log(`  ✗ ${year}: MISSING, needed from ${neededFrom} / 缺失，自 ${neededFrom} 起需要`);
    }
  }

  if (missing.length > 0) {
    const years = missing.join(', ');
    console.error(
      `缺少 ${years} 年国务院办公厅节假日安排：请在 functions/domain/calendar-data/ 中添加该年的 JSON 并登记到 index.ts。\n` +
        `Missing State Council holiday arrangements for ${years}: add the year's JSON to functions/domain/calendar-data/ and list it in index.ts.`,
    );
    return 1;
  }
  console.log('All years covered / 所有年份均已覆盖');
  return 0;
}

process.exitCode = main();
