/**
 * The whole tenant configuration: its schema, the checks across sections, and validation with bilingual, located errors.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { BundleSchema, mergeItems } from './bundles';
import { type IssuePath, type UnknownRecord, bilingual, listOf, recordsOf, report, reportDuplicates, runOnObjects, stringOf } from './common';
import { DepartmentSchema } from './departments';
import { HallSchema } from './halls';
import { ServiceItemSchema } from './items';
import { ReviewsSchema } from './reviews';
import { SupervisionSchema } from './supervision';
import { TenantSchema } from './tenant';

/** The whole tenant configuration file. Versions are not written here: they are created when the file is applied. */
export const TenantConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema 路径，供编辑器提示 / Path of the JSON Schema, for editors'),
    tenant: TenantSchema,
    halls: z.array(HallSchema).min(1),
    departments: z.array(DepartmentSchema).min(1),
    items: z.array(ServiceItemSchema).min(1),
    bundles: z.array(BundleSchema).default(() => []),
    supervision: SupervisionSchema.prefault({}),
    reviews: ReviewsSchema.prefault({}),
  })
  .superRefine(checkCrossReferences, runOnObjects)
  .meta({
    title: 'Tongban tenant configuration / 通办租户配置',
    description:
      '县级租户的服务场所、窗口、进驻部门、政务服务事项与“一件事”套餐 / Halls, windows, departments, service items and bundles of a county-level tenant',
  });
/** A validated tenant configuration, defaults applied. */
export type TenantConfig = z.infer<typeof TenantConfigSchema>;
/** A tenant configuration as written in the file, before defaults. */
export type TenantConfigInput = z.input<typeof TenantConfigSchema>;

/** Checks that need more than one section: unique ids, and every window, department and item reference resolves. */
function checkCrossReferences(config: UnknownRecord, ctx: z.core.$RefinementCtx): void {
  const halls = recordsOf(config.halls);
  reportDuplicates(ctx, ['halls'], config.halls, 'hallId', '服务场所编码', 'hall id');
  const windowKinds = new Map<string, unknown>();
  for (const [hallIndex, hall] of halls) {
    for (const [windowIndex, window] of recordsOf(hall.windows)) {
      const windowId = stringOf(window.windowId);
      if (windowId === undefined) continue;
      if (windowKinds.has(windowId)) {
        report(ctx, ['halls', hallIndex, 'windows', windowIndex, 'windowId'], 'duplicate', `窗口编码重复：${windowId}`, `Duplicate window id: ${windowId}`);
      }
      windowKinds.set(windowId, window.kind);
      if (window.kind === '综合窗口' && listOf(window.domains).length === 0) {
        report(
          ctx,
          ['halls', hallIndex, 'windows', windowIndex, 'domains'],
          'window_domains_missing',
          '综合窗口须列出所受理的领域',
          'A 综合窗口 must list the domains it takes in',
        );
      }
    }
  }

  reportDuplicates(ctx, ['departments'], config.departments, 'deptId', '部门编码', 'department id');
  for (const [deptIndex, department] of recordsOf(config.departments)) {
    listOf(department.windowIds).forEach((windowId, position) => {
      if (typeof windowId === 'string' && !windowKinds.has(windowId)) {
        report(ctx, ['departments', deptIndex, 'windowIds', position], 'unknown_window', `引用的窗口不存在：${windowId}`, `Unknown window: ${windowId}`);
      }
    });
  }

  const departmentIds = new Set(recordsOf(config.departments).flatMap(([, department]) => stringOf(department.deptId) ?? []));
  reportDuplicates(ctx, ['items'], config.items, 'code', '事项编码', 'item code');
  for (const [itemIndex, item] of recordsOf(config.items)) {
    for (const [position, participant] of recordsOf(item.departments)) {
      const participantId = stringOf(participant.deptId);
      if (participantId !== undefined && !departmentIds.has(participantId)) {
        report(
          ctx,
          ['items', itemIndex, 'departments', position, 'deptId'],
          'unknown_department',
          `引用的部门不存在：${participantId}`,
          `Unknown department: ${participantId}`,
        );
      }
    }
  }

  const itemsByCode = new Map(
    recordsOf(config.items).flatMap(([, item]): Array<[string, UnknownRecord]> => {
      const code = stringOf(item.code);
      return code === undefined ? [] : [[code, item]];
    }),
  );
  reportDuplicates(ctx, ['bundles'], config.bundles, 'code', '一件事编码', 'bundle code');
  // a bundle is published in the catalogue under its code, next to the items
  const catalogueItemCodes = new Set(recordsOf(config.items).flatMap(([, item]) => stringOf(item.code) ?? []));
  for (const [bundleIndex, bundle] of recordsOf(config.bundles)) {
    const code = stringOf(bundle.code);
    if (code !== undefined && catalogueItemCodes.has(code)) {
      report(ctx, ['bundles', bundleIndex, 'code'], 'duplicate', `一件事编码与事项编码重复：${code}`, `Bundle code is also an item code: ${code}`);
    }
  }
  for (const [bundleIndex, bundle] of recordsOf(config.bundles)) {
    const seen = new Set<string>();
    listOf(bundle.itemCodes).forEach((itemCode, position) => {
      if (typeof itemCode !== 'string') return;
      const path = ['bundles', bundleIndex, 'itemCodes', position];
      if (seen.has(itemCode)) report(ctx, path, 'duplicate', `一件事中事项重复：${itemCode}`, `Item listed twice in the bundle: ${itemCode}`);
      else if (!itemsByCode.has(itemCode)) report(ctx, path, 'unknown_item', `引用的事项不存在：${itemCode}`, `Unknown item: ${itemCode}`);
      seen.add(itemCode);
    });
    const windowId = stringOf(bundle.windowId);
    if (windowId !== undefined && !windowKinds.has(windowId)) {
      report(ctx, ['bundles', bundleIndex, 'windowId'], 'unknown_window', `引用的窗口不存在：${windowId}`, `Unknown window: ${windowId}`);
    } else if (windowId !== undefined && windowKinds.get(windowId) !== '一件事') {
      report(
        ctx,
        ['bundles', bundleIndex, 'windowId'],
        'bundle_window_kind',
        `一件事须由“一件事”窗口受理：${windowId}`,
        `A bundle must be taken in at a 一件事 window: ${windowId}`,
      );
    }
    // conflicts come from the same merge the platform uses, so what validates is what merges; an item with its
    // own faults is already reported and cannot be merged meaningfully, so the bundle waits for it
    const knownItems = [...seen].flatMap((itemCode) => itemsByCode.get(itemCode) ?? []);
    const parsedItems = knownItems.flatMap((item) => {
      const parsed = ServiceItemSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    if (parsedItems.length !== knownItems.length) continue;
    for (const conflict of mergeItems(parsedItems).conflicts) {
      report(ctx, ['bundles', bundleIndex, 'itemCodes'], 'bundle_conflict', conflict.chinese, conflict.english);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Validation with bilingual errors
// ---------------------------------------------------------------------------------------------

/** One problem in a configuration. `path` is like `items[3].departments[0].deptId`; empty for the whole file. */
export interface TenantConfigError {
  path: string;
  /** zod's issue code, `required`, `yaml_syntax`, or a {@link TenantConfigRuleCode}. */
  code: string;
  /** Chinese and English, separated by " / ". */
  message: string;
  /** 1-based line in the source text, when the configuration was parsed from text. */
  line?: number;
  /** 1-based column in the source text, when the configuration was parsed from text. */
  column?: number;
}

/** Either the configuration with defaults applied, or every error found. */
export type TenantConfigValidation = { ok: true; config: TenantConfig } | { ok: false; errors: TenantConfigError[] };

interface LocatedError extends TenantConfigError {
  segments: IssuePath;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  array: '列表',
  object: '对象',
  null: '空值（null）',
};

const typeOfInput = (input: unknown): string => (input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

/** Bilingual messages for zod's built-in issues; refinements and schema-level errors bring their own. */
function describeIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return bilingual('必填字段缺失', 'Required field is missing');
      const received = typeOfInput(issue.input);
      // YAML reads an unquoted 522732 as a number; say how to fix it, not only what is wrong
      const quoteHint = issue.expected === 'string' && received === 'number';
      return bilingual(
        `类型错误：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${TYPE_NAMES[received] ?? received}${quoteHint ? '（YAML 中数字编码须加引号）' : ''}`,
        `Wrong type: expected ${issue.expected}, received ${received}${quoteHint ? ' (quote numeric codes in YAML)' : ''}`,
      );
    }
    case 'too_small':
      if (issue.origin === 'string') return bilingual('不能为空', 'Must not be empty');
      if (issue.origin === 'array') return bilingual(`至少需要 ${issue.minimum} 项`, `At least ${issue.minimum} entries are required`);
      return bilingual(`不能小于 ${issue.minimum}`, `Must be at least ${issue.minimum}`);
    case 'too_big':
      if (issue.origin === 'string') return bilingual(`长度不能超过 ${issue.maximum}`, `Must be at most ${issue.maximum} characters`);
      if (issue.origin === 'array') return bilingual(`最多 ${issue.maximum} 项`, `At most ${issue.maximum} entries are allowed`);
      return bilingual(`不能大于 ${issue.maximum}`, `Must be at most ${issue.maximum}`);
    case 'invalid_format':
      return bilingual(`格式不正确（${issue.format}）`, `Invalid format (${issue.format})`);
    case 'invalid_value':
      return bilingual(`取值无效，可选值：${issue.values.map(String).join('、')}`, `Invalid value, expected one of: ${issue.values.map(String).join(', ')}`);
    default:
      return bilingual('取值无效', `Invalid value (${issue.code})`);
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : path === '' ? String(segment) : `${path}.${String(segment)}`),
    '',
  );
}

function toLocatedErrors(issue: z.core.$ZodIssue): LocatedError[] {
  const segments = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    // one error per key, pointing at the key, so the operator sees exactly what to delete
    return issue.keys.map((key) => ({
      segments: [...segments, key],
      path: formatPath([...segments, key]),
      code: 'unrecognized_keys',
      message: bilingual(`未定义的字段：${key}`, `Unknown field: ${key}`),
    }));
  }
  const code =
    issue.code === 'custom' ? String(issue.params?.ruleCode ?? 'custom') : issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code;
  return [{ segments, path: formatPath(segments), code, message: issue.message }];
}

function validateLocated(raw: unknown): { ok: true; config: TenantConfig } | { ok: false; errors: LocatedError[] } {
  const result = TenantConfigSchema.safeParse(raw, { error: describeIssue, reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.flatMap(toLocatedErrors) };
}

const withoutSegments = ({ segments: _segments, ...error }: LocatedError): TenantConfigError => error;

/**
 * Validates a configuration already parsed into plain data and reports every error at once:
 * shape and types, then the cross-reference rules (ids unique, references resolve, one lead per item,
 * promised ≤ legal days, bundle items exist, prerequisites within the item).
 */
export function validateTenantConfig(raw: unknown): TenantConfigValidation {
  const result = validateLocated(raw);
  return result.ok ? result : { ok: false, errors: result.errors.map(withoutSegments) };
}

/**
 * Parses a configuration file's text (YAML, or JSON when the file name ends in `.json`) and validates it.
 * Syntax errors come back as `yaml_syntax` errors; every error carries the line and column it points at.
 */
export function parseTenantConfigText(text: string, fileName: string): TenantConfigValidation {
  const lineCounter = new LineCounter();
  const isJson = fileName.toLowerCase().endsWith('.json');
  // the JSON schema of the yaml parser rejects YAML-only syntax in .json files; both report positions the same way
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: isJson ? 'json' : 'core' });
  if (document.errors.length > 0) {
    const language = isJson ? 'JSON' : 'YAML';
    return {
      ok: false,
      errors: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          path: '',
          code: 'yaml_syntax',
          message: bilingual(
            `${language} 语法错误（第 ${line} 行第 ${col} 列）：${error.message}`,
            `${language} syntax error at line ${line}, column ${col}: ${error.message}`,
          ),
          line,
          column: col,
        };
      }),
    };
  }

  const result = validateLocated(document.toJS());
  if (result.ok) return result;
  const located = result.errors.map((error): TenantConfigError => {
    // point at the deepest node that exists: a missing field is reported at its parent
    for (let depth = error.segments.length; depth >= 0; depth -= 1) {
      const node = depth === 0 ? document.contents : document.getIn(error.segments.slice(0, depth), true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      if (offset !== undefined) {
        const { line, col } = lineCounter.linePos(offset);
        return { ...withoutSegments(error), line, column: col };
      }
    }
    return withoutSegments(error);
  });
  // stable sort: errors read top to bottom like the file
  return { ok: false, errors: located.sort((left, right) => (left.line ?? 0) - (right.line ?? 0)) };
}
