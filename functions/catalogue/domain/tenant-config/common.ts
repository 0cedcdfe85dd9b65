/**
 * Shared building blocks of the tenant configuration schemas: bilingual messages, identifiers, and the lenient readers and issue reporting the refinements use.
 *
 * Pure module: no AWS, no I/O.
 */
import { DIVISION_CODE_PATTERN } from '../../../kernel/ids';
import { z } from 'zod';

/** Joins a Chinese and an English message; every message shown to operators is bilingual. */
export const bilingual = (chinese: string, english: string): string => `${chinese} / ${english}`;

// ---------------------------------------------------------------------------------------------
// Identifiers. They are ASCII and stable because cases, versions and statistics refer to them for years.
// ---------------------------------------------------------------------------------------------

const DEPT_ID = /^[A-Z][A-Z0-9]{1,15}$/;
/** Hall, window, item and bundle codes: upper-case letters and digits in hyphen-separated groups (`SCZR-0001`, `ZH-TZJS`). */
const STABLE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Material ids and certificate types: upper snake case (`ID_CARD`, `BUSINESS_LICENSE`). */
const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;
export const FIELD_KEY = /^[a-z][A-Za-z0-9]*$/;

export const divisionCode = z
  .string()
  .regex(DIVISION_CODE_PATTERN, { error: bilingual('行政区划代码应为6位数字', 'Division code must be 6 digits') })
  .describe('行政区划代码 / Administrative division code');
export const stableCode = z
  .string()
  .max(40)
  .regex(STABLE_CODE, {
    error: bilingual('编码只能由大写字母、数字和连字符组成', 'Code must be upper-case letters and digits, separated by hyphens'),
  });
export const deptId = z
  .string()
  .regex(DEPT_ID, {
    error: bilingual('部门编码应为2-16位大写字母或数字，以字母开头', 'Department id must be 2-16 upper-case letters or digits, starting with a letter'),
  })
  .describe('部门编码 / Department id');
export const upperSnake = z
  .string()
  .max(60)
  .regex(UPPER_SNAKE, {
    error: bilingual('编码应为大写字母、数字和下划线', 'Id must be upper-case letters, digits and underscores'),
  });
export const text = z.string().trim().min(1);
export const days = z.number().int().min(0);

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Leniency for refinements. They run even when sibling fields failed to parse, so that one run reports
// every fault; hence they read the value without trusting its declared type.
// ---------------------------------------------------------------------------------------------

export type UnknownRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** The object entries of a list, each with its index, so issues can point at `items[3]`. */
export const recordsOf = (value: unknown): Array<[number, UnknownRecord]> =>
  listOf(value).flatMap((entry, index): Array<[number, UnknownRecord]> => (isRecord(entry) ? [[index, entry]] : []));
export const runOnObjects = { when: (payload: z.core.ParsePayload): boolean => isRecord(payload.value) };

/** Codes of the rules checked across fields; zod's own issue codes (and `required`) cover the rest. */
export type TenantConfigRuleCode =
  | 'duplicate'
  | 'division_mismatch'
  | 'unknown_time_zone'
  | 'window_domains_missing'
  | 'unknown_window'
  | 'unknown_department'
  | 'unknown_item'
  | 'lead_count'
  | 'promised_exceeds_legal'
  | 'promise_missing'
  | 'stage_exceeds_promise'
  | 'prerequisite_outside_item'
  | 'prerequisite_cycle'
  | 'select_options'
  | 'deferral_requires_required'
  | 'bundle_window_kind'
  | 'bundle_conflict'
  | 'escalation_order';

export type IssuePath = Array<string | number>;

export function report(ctx: z.core.$RefinementCtx, path: IssuePath, ruleCode: TenantConfigRuleCode, chinese: string, english: string): void {
  ctx.addIssue({ code: 'custom', path, message: bilingual(chinese, english), params: { ruleCode } });
}

/** Reports every repeated value after its first occurrence, at `<list>[i].<key>`. */
export function reportDuplicates(ctx: z.core.$RefinementCtx, listPath: IssuePath, list: unknown, key: string, what: string, whatEnglish: string): void {
  const seen = new Set<string>();
  for (const [index, entry] of recordsOf(list)) {
    const value = stringOf(entry[key]);
    if (value === undefined) continue;
    if (seen.has(value)) {
      report(ctx, [...listPath, index, key], 'duplicate', `${what}重复：${value}`, `Duplicate ${whatEnglish}: ${value}`);
    }
    seen.add(value);
  }
}
