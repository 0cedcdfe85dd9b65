/**
 * Official holiday notice files (国务院办公厅关于20XX年部分节假日安排的通知) and their validation.
 *
 * A file is one {@link CalendarYearRecord} as JSON or YAML (YAML 1.2 reads JSON, so one parser serves both and
 * every issue can name its line). Every problem is reported at once:
 *
 * - structure and formats (`INVALID_FIELD`), or a syntax error (`SYNTAX_ERROR`);
 * - every date inside the notice's year (`DATE_OUTSIDE_YEAR`);
 * - each rest range `[first, last]` with first <= last (`REST_RANGE_REVERSED`), and no two ranges overlapping
 *   (`REST_RANGES_OVERLAP`);
 * - make-up working days on a Saturday or Sunday (`MAKEUP_NOT_WEEKEND`), outside every rest range
 *   (`MAKEUP_INSIDE_REST`), each listed once (`DUPLICATE_DATE`);
 * - every Article 2 statutory holiday of the year inside some rest range (`HOLIDAY_OUTSIDE_REST`);
 * - no claim to be provisional (`PROVISIONAL_NOT_ALLOWED`).
 *
 * Pure: no clock, no I/O; dates are checked with UTC day arithmetic.
 */
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { CalendarYearRecord } from './calendar';
import { FIRST_STATUTORY_YEAR, LAST_STATUTORY_YEAR, statutoryHolidays } from './statutory-holidays';

/** An official notice: a calendar record that is not provisional. */
export type HolidayNotice = Omit<CalendarYearRecord, 'provisional'>;

/** The codes this module reports; {@link NoticeIssue.code} stays a plain string so callers can add their own. */
export type NoticeIssueCode =
  | 'SYNTAX_ERROR'
  | 'INVALID_FIELD'
  | 'DATE_OUTSIDE_YEAR'
  | 'REST_RANGE_REVERSED'
  | 'REST_RANGES_OVERLAP'
  | 'MAKEUP_NOT_WEEKEND'
  | 'MAKEUP_INSIDE_REST'
  | 'DUPLICATE_DATE'
  | 'HOLIDAY_OUTSIDE_REST'
  | 'PROVISIONAL_NOT_ALLOWED';

/** One problem of a notice. */
export interface NoticeIssue {
  /** Where, like `holidays[1].makeUpWorkdays[0]`; empty for the whole file. */
  path: string;
  /** 1-based line in the source text, when parsed from text. */
  line?: number;
  /** 1-based column in the source text, when parsed from text. */
  column?: number;
  /** Machine-readable, one of {@link NoticeIssueCode} from this module. */
  code: string;
  /** Chinese, then English, separated by " / ". */
  message: string;
}

export type NoticeParseResult = { ok: true; notice: HolidayNotice } | { ok: false; issues: NoticeIssue[] };

export interface NoticeValidationOptions {
  /**
   * Accept `provisional: true`, to check a derived provisional record with the same rules.
   * @default false: an official notice must not claim to be provisional.
   */
  readonly allowProvisional?: boolean;
}

type Segments = ReadonlyArray<string | number>;
interface LocatedIssue {
  readonly segments: Segments;
  readonly code: NoticeIssueCode;
  readonly message: string;
}

const bilingual = (chinese: string, english: string): string => `${chinese} / ${english}`;

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date, otherwise undefined. */
function dayNumberOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_ONLY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? ms / DAY_MS : undefined;
}

const weekdayOf = (dayNumber: number): number => new Date(dayNumber * DAY_MS).getUTCDay();
const yearOf = (dayNumber: number): number => new Date(dayNumber * DAY_MS).getUTCFullYear();

// ---------------------------------------------------------------------------------------------
// Structure (zod)
// ---------------------------------------------------------------------------------------------

const NoticeDate = z
  .string()
  .refine((value) => dayNumberOf(value) !== undefined, { message: bilingual('应为有效日期 YYYY-MM-DD', 'Must be a real date YYYY-MM-DD') });

const HolidaySchema = z.strictObject({
  name: z.string().trim().min(1),
  rest: z.tuple([NoticeDate, NoticeDate]),
  makeUpWorkdays: z.array(NoticeDate),
});

const noticeShape = {
  year: z.number().int().min(FIRST_STATUTORY_YEAR).max(LAST_STATUTORY_YEAR),
  source: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }),
  documentNumber: z.string().trim().min(1),
  publishedOn: NoticeDate,
  holidays: z.array(HolidaySchema).min(1),
};
/** An official notice: `provisional` is tolerated here only so the rule below can name it. */
const OfficialNoticeSchema = z.strictObject({ ...noticeShape, provisional: z.unknown().optional() });
const ProvisionalRecordSchema = z.strictObject({ ...noticeShape, provisional: z.literal(true).optional() });

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  array: '列表',
  object: '对象',
  null: '空值',
};
const typeOfInput = (input: unknown): string => (input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

function describeZodIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return bilingual('必填字段缺失', 'Required field is missing');
      const received = typeOfInput(issue.input);
      return bilingual(
        `类型错误：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${TYPE_NAMES[received] ?? received}`,
        `Wrong type: expected ${issue.expected}, received ${received}`,
      );
    }
    case 'too_small':
      if (issue.origin === 'string') return bilingual('不能为空', 'Must not be empty');
      if (issue.origin === 'array') return bilingual(`至少需要 ${issue.minimum} 项`, `At least ${issue.minimum} entries are required`);
      return bilingual(
        `不能小于 ${issue.minimum}（支持 ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR} 年）`,
        `Must be at least ${issue.minimum} (years ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR} are supported)`,
      );
    case 'too_big':
      if (issue.origin === 'array') return bilingual(`最多 ${issue.maximum} 项`, `At most ${issue.maximum} entries are allowed`);
      return bilingual(
        `不能大于 ${issue.maximum}（支持 ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR} 年）`,
        `Must be at most ${issue.maximum} (years ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR} are supported)`,
      );
    case 'invalid_format':
      if (issue.format === 'url') return bilingual('应为 http(s) 网址', 'Must be an http(s) URL');
      return bilingual(`格式不正确（${issue.format}）`, `Invalid format (${issue.format})`);
    case 'invalid_value':
      return bilingual(`取值无效，应为：${issue.values.map(String).join('、')}`, `Invalid value, expected: ${issue.values.map(String).join(', ')}`);
    case 'custom':
      return undefined; // the refinement's own message
    default:
      return bilingual('取值无效', `Invalid value (${issue.code})`);
  }
}

function structureIssues(raw: unknown, options: NoticeValidationOptions): { issues: LocatedIssue[]; notice?: HolidayNotice } {
  const schema = options.allowProvisional ? ProvisionalRecordSchema : OfficialNoticeSchema;
  const result = schema.safeParse(raw, { error: describeZodIssue, reportInput: true });
  if (result.success) return { issues: [], notice: result.data as HolidayNotice };
  const issues = result.error.issues.flatMap((issue): LocatedIssue[] => {
    const segments = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        segments: [...segments, key],
        code: 'INVALID_FIELD',
        message: bilingual(`未定义的字段：${key}`, `Unknown field: ${key}`),
      }));
    }
    return [{ segments, code: 'INVALID_FIELD', message: issue.message }];
  });
  return { issues };
}

// ---------------------------------------------------------------------------------------------
// Rules. They read the raw value leniently, skipping what is malformed (already reported above),
// so that one run reports every fault.
// ---------------------------------------------------------------------------------------------

type UnknownRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

interface RestRange {
  readonly index: number;
  readonly name: string;
  readonly first: number;
  readonly last: number;
}

function ruleIssues(raw: unknown, options: NoticeValidationOptions): LocatedIssue[] {
  if (!isRecord(raw)) return [];
  const issues: LocatedIssue[] = [];
  const add = (segments: Segments, code: NoticeIssueCode, chinese: string, english: string): void => {
    issues.push({ segments, code, message: bilingual(chinese, english) });
  };

  if (!options.allowProvisional && 'provisional' in raw) {
    add(['provisional'], 'PROVISIONAL_NOT_ALLOWED', '官方通知不得标记为暂行（provisional）', 'An official notice must not claim to be provisional');
  }

  const year =
    typeof raw.year === 'number' && Number.isInteger(raw.year) && raw.year >= FIRST_STATUTORY_YEAR && raw.year <= LAST_STATUTORY_YEAR ? raw.year : undefined;
  const checkInYear = (segments: Segments, value: string, day: number): void => {
    if (year !== undefined && yearOf(day) !== year) {
      add(segments, 'DATE_OUTSIDE_YEAR', `日期 ${value} 不在 ${year} 年内`, `Date ${value} is outside the notice's year ${year}`);
    }
  };

  const holidays = listOf(raw.holidays);
  const ranges: RestRange[] = [];
  /** Holiday entries whose rest range is unusable: statutory days named after them are not checked again. */
  const brokenNames = new Set<string>();
  const nameOf = (entry: UnknownRecord): string => (typeof entry.name === 'string' ? entry.name : '');

  holidays.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const rest = listOf(entry.rest);
    const days = rest.map(dayNumberOf);
    rest.forEach((value, position) => {
      const day = days[position];
      if (day !== undefined) checkInYear(['holidays', index, 'rest', position], String(value), day);
    });
    const [first, last] = days;
    if (rest.length !== 2 || first === undefined || last === undefined) {
      brokenNames.add(nameOf(entry));
      return;
    }
    if (first > last) {
      brokenNames.add(nameOf(entry));
      add(
        ['holidays', index, 'rest'],
        'REST_RANGE_REVERSED',
        `放假区间首日 ${String(rest[0])} 晚于末日 ${String(rest[1])}`,
        `Rest range starts (${String(rest[0])}) after it ends (${String(rest[1])})`,
      );
      return;
    }
    for (const other of ranges) {
      if (other.first <= last && first <= other.last) {
        add(
          ['holidays', index, 'rest'],
          'REST_RANGES_OVERLAP',
          `放假区间与「${other.name}」（holidays[${other.index}]）重叠`,
          `Rest range overlaps that of "${other.name}" (holidays[${other.index}])`,
        );
      }
    }
    ranges.push({ index, name: nameOf(entry), first, last });
  });

  const seenMakeUp = new Map<number, string>();
  holidays.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    listOf(entry.makeUpWorkdays).forEach((value, position) => {
      const day = dayNumberOf(value);
      if (day === undefined) return;
      const segments = ['holidays', index, 'makeUpWorkdays', position];
      const ymd = String(value);
      checkInYear(segments, ymd, day);
      const weekday = weekdayOf(day);
      if (weekday !== 0 && weekday !== 6) {
        add(
          segments,
          'MAKEUP_NOT_WEEKEND',
          `调休上班日 ${ymd} 是${WEEKDAYS[weekday]}，应为星期六或星期日`,
          `Make-up working day ${ymd} is a ${WEEKDAYS_EN[weekday]}, not a Saturday or Sunday`,
        );
      }
      for (const range of ranges) {
        if (range.first <= day && day <= range.last) {
          add(
            segments,
            'MAKEUP_INSIDE_REST',
            `调休上班日 ${ymd} 落在「${range.name}」的放假区间内`,
            `Make-up working day ${ymd} lies inside the rest range of "${range.name}"`,
          );
        }
      }
      const earlier = seenMakeUp.get(day);
      if (earlier !== undefined) {
        add(segments, 'DUPLICATE_DATE', `调休上班日 ${ymd} 重复（已见于 ${earlier}）`, `Make-up working day ${ymd} is listed twice (already at ${earlier})`);
      } else {
        seenMakeUp.set(day, formatPath(segments));
      }
    });
  });

  if (year !== undefined && holidays.length > 0) {
    for (const holiday of statutoryHolidays(year)) {
      const namedIndex = holidays.findIndex(
        (entry) =>
          isRecord(entry) &&
          nameOf(entry)
            .split('、')
            .map((part) => part.trim())
            .includes(holiday.name),
      );
      const named = namedIndex === -1 ? undefined : (holidays[namedIndex] as UnknownRecord);
      if (named !== undefined && brokenNames.has(nameOf(named))) continue;
      const outside = holiday.dates.filter((date) => {
        const day = dayNumberOf(date) as number;
        return !ranges.some((range) => range.first <= day && day <= range.last);
      });
      if (outside.length === 0) continue;
      add(
        namedIndex === -1 ? ['holidays'] : ['holidays', namedIndex, 'rest'],
        'HOLIDAY_OUTSIDE_REST',
        `法定节假日${holiday.name}（${outside.join('、')}）不在任何放假区间内（《全国年节及纪念日放假办法》第二条）`,
        `Statutory holiday ${holiday.name} (${outside.join(', ')}) is outside every rest range (Article 2 of the holiday measures)`,
      );
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Paths and lines
// ---------------------------------------------------------------------------------------------

function formatPath(segments: Segments): string {
  return segments.reduce<string>((path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`), '');
}

/**
 * The 1-based line and column of the deepest node of `document` on `segments` that exists (a missing field is
 * placed at its parent), or undefined when not even the root has a position.
 */
export function yamlPosition(document: Document, lineCounter: LineCounter, segments: Segments): { line: number; column: number } | undefined {
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(segments.slice(0, depth), true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return undefined;
}

function collect(raw: unknown, options: NoticeValidationOptions): { issues: LocatedIssue[]; notice?: HolidayNotice } {
  const structure = structureIssues(raw, options);
  const issues = [...structure.issues, ...ruleIssues(raw, options)];
  return issues.length === 0 && structure.notice !== undefined ? { issues, notice: structure.notice } : { issues };
}

const unlocated = (issue: LocatedIssue): NoticeIssue => ({ path: formatPath(issue.segments), code: issue.code, message: issue.message });

/**
 * Every problem of a notice already in memory (structure, formats and the rules of this module), in no
 * particular order beyond structure first. Empty when the notice is valid.
 */
export function validateHolidayNotice(notice: HolidayNotice, options: NoticeValidationOptions = {}): NoticeIssue[] {
  return collect(notice, options).issues.map(unlocated);
}

/**
 * Parses a notice file (JSON or YAML) and validates it. On failure every issue is returned at once, each with the
 * line (and column) it points at, sorted top to bottom.
 */
export function parseHolidayNotice(text: string, options: NoticeValidationOptions = {}): NoticeParseResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          path: '',
          line,
          column: col,
          code: 'SYNTAX_ERROR',
          message: bilingual(
            `JSON/YAML 语法错误（第 ${line} 行第 ${col} 列）：${error.message}`,
            `JSON/YAML syntax error at line ${line}, column ${col}: ${error.message}`,
          ),
        };
      }),
    };
  }
  const { issues, notice } = collect(document.toJS(), options);
  if (notice !== undefined) return { ok: true, notice };
  const located = issues.map((issue): NoticeIssue => {
    const position = yamlPosition(document, lineCounter, issue.segments);
    return position ? { ...unlocated(issue), line: position.line, column: position.column } : unlocated(issue);
  });
  // stable: issues on one line keep their order
  return { ok: false, issues: located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
