/**
 * Tenant configuration: the file a county-level government (a tenant) writes to onboard onto Tongban:
 * its halls and windows, the departments stationed there, its service items (政务服务事项) and its
 * "一件事" bundles. The zod schemas below are the single source of truth: the TypeScript types are
 * inferred from them, `schemas/tenant-config.schema.json` is generated from them, and the operator CLI
 * validates files with them.
 *
 * Pure module: no AWS, no I/O.
 */
import { DIVISION_CODE_PATTERN } from '../../kernel/ids';
import { z } from 'zod';
import { isNode, LineCounter, parseDocument } from 'yaml';

/** Joins a Chinese and an English message; every message shown to operators is bilingual. */
const bilingual = (chinese: string, english: string): string => `${chinese} / ${english}`;

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

/** The nine window domains (九大领域) of the classified comprehensive windows (seed 000 art.8). */
export const WindowDomainSchema = z
  .enum(['投资建设', '国土规划', '环境保护', '安全生产', '城市管理', '市场准入', '交通运输', '民生保障', '社会事务'])
  .describe('窗口领域（九大领域） / Window domain');
/** One of the nine window domains. */
export type WindowDomain = z.infer<typeof WindowDomainSchema>;

/** Kinds of window in a hall (seed 002 §8). */
export const WindowKindSchema = z
  .enum(['综合窗口', '专业窗口', '帮办代办', '跨省通办', '省内通办', '一件事', '办不成事反映'])
  .describe('窗口类型 / Window kind');
/** A kind of window. */
export type WindowKind = z.infer<typeof WindowKindSchema>;

/** Level of a place of service: county 政务服务中心, township 便民服务中心, village 便民服务站/室 (seed 002 §6). */
export const HallLevelSchema = z.enum(['县级', '乡镇', '村']).describe('服务场所层级 / Level of the place of service');
/** Level of a hall. */
export type HallLevel = z.infer<typeof HallLevelSchema>;

/** Department types of the 2018 Sandu annex (seed 001): county-run, vertically managed, enterprise, mass organisation. */
export const DepartmentTypeSchema = z.enum(['县直', '垂管', '企业', '群团']).describe('部门类型 / Department type');
/** A department type. */
export type DepartmentType = z.infer<typeof DepartmentTypeSchema>;

/**
 * How a department is present in the hall (seed 001 §二): 常驻窗口 = it stations its own staff;
 * 综合窗口 = centre staff take applications in at a comprehensive window and the department reviews in the back office.
 */
export const DepartmentPresenceSchema = z.enum(['常驻窗口', '综合窗口']).describe('进驻方式 / How the department is present in the hall');
/** How a department is present in the hall. */
export type DepartmentPresence = z.infer<typeof DepartmentPresenceSchema>;

/** Item types of the "四级四同" basic catalogue (seed 002 §1). */
export const ItemTypeSchema = z
  .enum(['行政许可', '行政确认', '行政给付', '行政征收', '行政裁决', '行政奖励', '行政备案', '其他行政权力', '公共服务'])
  .describe('事项类型 / Item type');
/** A service item type. */
export type ItemType = z.infer<typeof ItemTypeSchema>;

/** 即办件 is done on the spot; 承诺件 carries a written promised time limit (seed 001 §5(二)). */
export const HandlingKindSchema = z.enum(['即办件', '承诺件']).describe('办件类型 / Handling kind');
/** How an item is handled at the window. */
export type HandlingKind = z.infer<typeof HandlingKindSchema>;

/** Input types of an application form field. */
export const FormFieldTypeSchema = z.enum(['text', 'number', 'date', 'select', 'idNumber', 'phone', 'boolean']);
/** An application form field type. */
export type FormFieldType = z.infer<typeof FormFieldTypeSchema>;

/** File types accepted for an electronic material; OFD is the national standard format for e-documents. */
export const MaterialFileTypeSchema = z.enum(['pdf', 'ofd', 'jpg', 'jpeg', 'png']);
/** A file type accepted for an electronic material. */
export type MaterialFileType = z.infer<typeof MaterialFileTypeSchema>;
const DEFAULT_FILE_TYPES: readonly MaterialFileType[] = ['pdf', 'jpg', 'png'];

/** Special procedures whose time is recorded separately (seed 004 art.11). */
export const SpecialProcedureTypeSchema = z
  .enum(['现场勘察', '专家论证', '听证', '公示', '检验检测', '鉴定'])
  .describe('特殊环节类型 / Special procedure type');
/** A special procedure type. */
export type SpecialProcedureType = z.infer<typeof SpecialProcedureTypeSchema>;

/** Administrative levels a supervision escalation can reach; statistics roll up the same way. */
export const EscalationLevelSchema = z.enum(['county', 'city', 'province']);
/** An escalation level. */
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;
const ESCALATION_ORDER: readonly EscalationLevel[] = EscalationLevelSchema.options;
const DEFAULT_ESCALATION: ReadonlyArray<{ level: EscalationLevel; role?: string; handlingDays: number }> = [
  { level: 'county', role: '督办', handlingDays: 3 },
  { level: 'city', handlingDays: 3 },
];

// ---------------------------------------------------------------------------------------------
// Identifiers. They are ASCII and stable because cases, versions and statistics refer to them for years.
// ---------------------------------------------------------------------------------------------

const DEPT_ID = /^[A-Z][A-Z0-9]{1,15}$/;
/** Hall, window, item and bundle codes: upper-case letters and digits in hyphen-separated groups (`SCZR-0001`, `ZH-TZJS`). */
const STABLE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Material ids and certificate types: upper snake case (`ID_CARD`, `BUSINESS_LICENSE`). */
const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;
const FIELD_KEY = /^[a-z][A-Za-z0-9]*$/;

const divisionCode = z
  .string()
  .regex(DIVISION_CODE_PATTERN, { error: bilingual('行政区划代码应为6位数字', 'Division code must be 6 digits') })
  .describe('行政区划代码 / Administrative division code');
const stableCode = z
  .string()
  .max(40)
  .regex(STABLE_CODE, {
    error: bilingual('编码只能由大写字母、数字和连字符组成', 'Code must be upper-case letters and digits, separated by hyphens'),
  });
const deptId = z
  .string()
  .regex(DEPT_ID, {
    error: bilingual('部门编码应为2-16位大写字母或数字，以字母开头', 'Department id must be 2-16 upper-case letters or digits, starting with a letter'),
  })
  .describe('部门编码 / Department id');
const upperSnake = z
  .string()
  .max(60)
  .regex(UPPER_SNAKE, {
    error: bilingual('编码应为大写字母、数字和下划线', 'Id must be upper-case letters, digits and underscores'),
  });
const text = z.string().trim().min(1);
const days = z.number().int().min(0);

function isKnownTimeZone(timeZone: string): boolean {
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

type UnknownRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** The object entries of a list, each with its index, so issues can point at `items[3]`. */
const recordsOf = (value: unknown): Array<[number, UnknownRecord]> =>
  listOf(value).flatMap((entry, index): Array<[number, UnknownRecord]> => (isRecord(entry) ? [[index, entry]] : []));
const runOnObjects = { when: (payload: z.core.ParsePayload): boolean => isRecord(payload.value) };

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

type IssuePath = Array<string | number>;

function report(ctx: z.core.$RefinementCtx, path: IssuePath, ruleCode: TenantConfigRuleCode, chinese: string, english: string): void {
  ctx.addIssue({ code: 'custom', path, message: bilingual(chinese, english), params: { ruleCode } });
}

/** Reports every repeated value after its first occurrence, at `<list>[i].<key>`. */
function reportDuplicates(ctx: z.core.$RefinementCtx, listPath: IssuePath, list: unknown, key: string, what: string, whatEnglish: string): void {
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

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

/** The tenant itself: a county-level government identified by its division code. */
export const TenantSchema = z
  .strictObject({
    tenantId: divisionCode.describe('本级（县/区/县级市）行政区划代码 / Division code of the county-level tenant'),
    name: text.describe('名称，如 三都水族自治县 / Official name'),
    cityCode: divisionCode.describe('上级市（州）行政区划代码 / Division code of the parent city or prefecture'),
    provinceCode: divisionCode.describe('省级行政区划代码 / Division code of the province'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { error: bilingual('未知的时区', 'Unknown IANA time zone'), params: { ruleCode: 'unknown_time_zone' } })
      .default('Asia/Shanghai'),
    extraClosures: z
      .array(z.iso.date({ error: bilingual('日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD') }))
      .default(() => [])
      .describe('本地额外休息日（如民族节日），在国务院节假日安排之外 / Local closure days on top of the national holiday calendar'),
  })
  .superRefine((tenant, ctx) => {
    const tenantId = stringOf(tenant.tenantId);
    const cityCode = stringOf(tenant.cityCode);
    const provinceCode = stringOf(tenant.provinceCode);
    const wellFormed = (code: string | undefined): code is string => code !== undefined && DIVISION_CODE_PATTERN.test(code);
    if (wellFormed(tenantId) && tenantId.endsWith('00')) {
      report(ctx, ['tenantId'], 'division_mismatch', '租户应为县级行政区划代码（末两位不能为00）', 'Tenant must be a county-level code (not ending in 00)');
    }
    if (wellFormed(cityCode) && (!cityCode.endsWith('00') || cityCode.endsWith('0000'))) {
      report(ctx, ['cityCode'], 'division_mismatch', '上级市代码应以00结尾且不是省级代码', 'City code must end in 00 and not be a province code');
    }
    if (wellFormed(provinceCode) && !provinceCode.endsWith('0000')) {
      report(ctx, ['provinceCode'], 'division_mismatch', '省级代码应以0000结尾', 'Province code must end in 0000');
    }
    if (wellFormed(tenantId) && wellFormed(cityCode) && tenantId.slice(0, 4) !== cityCode.slice(0, 4)) {
      report(ctx, ['cityCode'], 'division_mismatch', `租户 ${tenantId} 不属于市 ${cityCode}`, `Tenant ${tenantId} is not part of city ${cityCode}`);
    }
    if (wellFormed(cityCode) && wellFormed(provinceCode) && cityCode.slice(0, 2) !== provinceCode.slice(0, 2)) {
      report(ctx, ['provinceCode'], 'division_mismatch', `市 ${cityCode} 不属于省 ${provinceCode}`, `City ${cityCode} is not part of province ${provinceCode}`);
    }
    const seen = new Set<string>();
    listOf(tenant.extraClosures).forEach((day, index) => {
      if (typeof day === 'string' && seen.has(day)) {
        report(ctx, ['extraClosures', index], 'duplicate', `休息日重复：${day}`, `Duplicate closure day: ${day}`);
      }
      if (typeof day === 'string') seen.add(day);
    });
  }, runOnObjects);
/** The tenant section of the configuration. */
export type Tenant = z.infer<typeof TenantSchema>;

/** A window in a hall; its id is unique across all halls of the tenant. */
export const ServiceWindowSchema = z.strictObject({
  windowId: stableCode.describe('窗口编码（全租户唯一） / Window id, unique across halls'),
  name: text,
  kind: WindowKindSchema,
  domains: z
    .array(WindowDomainSchema)
    .default(() => [])
    .describe('窗口受理的领域 / Domains taken in at this window'),
});
/** A window. */
export type ServiceWindow = z.infer<typeof ServiceWindowSchema>;

/** A place of service: the county 政务服务中心 or a township/village 便民服务中心/站. */
export const HallSchema = z.strictObject({
  hallId: stableCode,
  name: text,
  level: HallLevelSchema,
  address: text.optional(),
  windows: z.array(ServiceWindowSchema).min(1),
});
/** A hall and its windows. */
export type Hall = z.infer<typeof HallSchema>;

/** A department stationed in the hall (进驻部门). */
export const DepartmentSchema = z.strictObject({
  deptId,
  name: text,
  type: DepartmentTypeSchema,
  presence: DepartmentPresenceSchema.default('常驻窗口'),
  windowIds: z
    .array(stableCode)
    .default(() => [])
    .describe('部门派驻或使用的窗口 / Windows the department staffs or is served at'),
  windowCount: days.describe('设窗口数 / Number of counters the department has in the hall'),
  note: text.optional().describe('备注 / Note'),
});
/** A department. */
export type Department = z.infer<typeof DepartmentSchema>;

/** A field of the application form. */
export const FormFieldSchema = z.strictObject({
  key: z.string().regex(FIELD_KEY, { error: bilingual('字段键应为小驼峰英文', 'Field key must be lowerCamelCase ASCII') }),
  label: text,
  type: FormFieldTypeSchema,
  required: z.boolean().default(true),
  options: z.array(text).min(1).optional().describe('select 类型的选项 / Options of a select field'),
});
/** An application form field. */
export type FormField = z.infer<typeof FormFieldSchema>;

/** A material the applicant provides. */
export const MaterialSchema = z.strictObject({
  id: upperSnake.describe('材料编码；同一编码在不同事项中表示同一材料 / Material id; the same id means the same material across items'),
  name: text,
  required: z.boolean().default(true),
  mayBeMissingAtAcceptance: z.boolean().default(false).describe('容缺受理：可先受理，出证前补齐 / 容缺: may be missing at acceptance, due before issue'),
  electronicAccepted: z.boolean().default(true),
  fromCertificateLibrary: upperSnake.optional().describe('可从电子证照库调取的证照类型（免证办） / Certificate type fetched from the certificate library'),
  fileTypes: z
    .array(MaterialFileTypeSchema)
    .min(1)
    .default(() => [...DEFAULT_FILE_TYPES]),
});
/** An application material. */
export type Material = z.infer<typeof MaterialSchema>;

/** A fee; an item with an empty fee list is free. */
export const FeeSchema = z.strictObject({
  name: text,
  amountYuan: z.number().min(0).describe('金额（元） / Amount in yuan'),
  basis: text.describe('收费依据 / Legal basis of the fee'),
});
/** A fee. */
export type Fee = z.infer<typeof FeeSchema>;

/** A department taking part in an item's approval. */
export const ItemDepartmentSchema = z.strictObject({
  deptId,
  lead: z.boolean().default(false).describe('牵头部门（每个事项恰好一个） / Lead department, exactly one per item'),
  stageDays: days.describe("本部门环节时限（工作日） / Working-day limit of this department's stage"),
  prerequisites: z
    .array(deptId)
    .default(() => [])
    .describe('默认前置条件批准：本部门先行办理所假定已批准的同事项部门 / Departments of the same item whose approval this one presumes'),
});
/** A department's part in an item. */
export type ItemDepartment = z.infer<typeof ItemDepartmentSchema>;

/** A special procedure; its time is recorded and, unless declared otherwise, not counted in the limit (seed 004 art.11). */
export const SpecialProcedureSchema = z.strictObject({
  type: SpecialProcedureTypeSchema,
  description: text.optional(),
  legalBasis: text,
  estimatedDays: z.number().int().min(1),
  countedInLimit: z.boolean().default(false),
});
/** A special procedure. */
export type SpecialProcedure = z.infer<typeof SpecialProcedureSchema>;

/** What the item issues. */
export const ItemResultSchema = z.strictObject({
  certificateType: upperSnake.describe('证照类型，入电子证照库 / Certificate type, as stored in the certificate library'),
  name: text,
  validityYears: z.number().positive().nullable().describe('有效期（年），长期有效为 null / Validity in years, null when permanent'),
});
/** The result of an item. */
export type ItemResult = z.infer<typeof ItemResultSchema>;

/** A service item (政务服务事项) with its implementation list (实施清单). */
export const ServiceItemSchema = z
  .strictObject({
    code: stableCode.describe('事项编码 / Item code'),
    name: text,
    itemType: ItemTypeSchema,
    domain: WindowDomainSchema,
    legalBasis: z.array(text).min(1).describe('设定依据 / Legal basis'),
    handlingKind: HandlingKindSchema,
    legalDays: days.describe('法定办结时限（工作日） / Statutory limit in working days'),
    promisedDays: days.describe('承诺办结时限（工作日），不超过法定时限 / Promised limit in working days, at most the statutory one'),
    noticeDays: z.literal([1, 5]).default(1).describe('一次性告知时限：一般1个工作日，复杂事项5个 / Missing-materials notice window'),
    supplementPolicy: z
      .enum(['restart', 'suspend'])
      .default('suspend')
      .describe('补正后重新计算时限（restart）或中止计时、补正后继续（suspend） / Whether a supplement restarts or suspends the clock'),
    commitmentAllowed: z.boolean().default(false).describe('可告知承诺 / 告知承诺制 allowed'),
    onlineAllowed: z.boolean().default(true),
    mode: z.enum(['parallel', 'serial']).default('parallel').describe('并联或（经批准的）串联审批 / Parallel or (approved) serial approval'),
    departments: z.array(ItemDepartmentSchema).min(1),
    formFields: z.array(FormFieldSchema).min(1),
    materials: z.array(MaterialSchema).default(() => []),
    fees: z
      .array(FeeSchema)
      .default(() => [])
      .describe('收费；空列表表示免费 / Fees; an empty list means free'),
    specialProcedures: z.array(SpecialProcedureSchema).default(() => []),
    result: ItemResultSchema,
  })
  .superRefine((item, ctx) => {
    const legalDays = numberOf(item.legalDays);
    const promisedDays = numberOf(item.promisedDays);
    if (legalDays !== undefined && promisedDays !== undefined && promisedDays > legalDays) {
      report(
        ctx,
        ['promisedDays'],
        'promised_exceeds_legal',
        `承诺时限（${promisedDays}）不得超过法定时限（${legalDays}）`,
        `Promised days (${promisedDays}) exceed legal days (${legalDays})`,
      );
    }
    if (item.handlingKind === '承诺件' && promisedDays === 0) {
      report(ctx, ['promisedDays'], 'promise_missing', '承诺件须有至少1个工作日的承诺时限', 'A 承诺件 needs a promised limit of at least 1 working day');
    }
    checkItemDepartments(item, promisedDays, ctx);
    reportDuplicates(ctx, ['formFields'], item.formFields, 'key', '表单字段', 'form field');
    for (const [index, field] of recordsOf(item.formFields)) {
      const hasOptions = listOf(field.options).length > 0;
      if (field.type === 'select' && !hasOptions) {
        report(ctx, ['formFields', index, 'options'], 'select_options', '下拉字段须列出选项', 'A select field needs options');
      }
      if (field.type !== 'select' && field.options !== undefined) {
        report(ctx, ['formFields', index, 'options'], 'select_options', '只有下拉字段可以有选项', 'Only a select field may have options');
      }
    }
    reportDuplicates(ctx, ['materials'], item.materials, 'id', '材料编码', 'material id');
    for (const [index, material] of recordsOf(item.materials)) {
      if (material.mayBeMissingAtAcceptance === true && material.required === false) {
        report(
          ctx,
          ['materials', index, 'mayBeMissingAtAcceptance'],
          'deferral_requires_required',
          '容缺只适用于必交材料',
          'Only a required material can be deferred (容缺)',
        );
      }
    }
  }, runOnObjects);
/** A service item. */
export type ServiceItem = z.infer<typeof ServiceItemSchema>;

/** Exactly one lead, no repeated department, stage limits within the promise, prerequisites inside the item and acyclic. */
function checkItemDepartments(item: UnknownRecord, promisedDays: number | undefined, ctx: z.core.$RefinementCtx): void {
  const departments = recordsOf(item.departments);
  const leadCount = departments.filter(([, department]) => department.lead === true).length;
  if (departments.length > 0 && leadCount !== 1) {
    report(
      ctx,
      ['departments'],
      'lead_count',
      `须有且仅有一个牵头部门（lead: true），当前 ${leadCount} 个`,
      `Exactly one lead department is required, found ${leadCount}`,
    );
  }
  reportDuplicates(ctx, ['departments'], item.departments, 'deptId', '事项内部门', 'department in item');

  if (promisedDays !== undefined) {
    if (item.mode === 'serial') {
      const total = departments.reduce((sum, [, department]) => sum + (numberOf(department.stageDays) ?? 0), 0);
      if (total > promisedDays) {
        report(
          ctx,
          ['departments'],
          'stage_exceeds_promise',
          `串联审批各环节时限合计（${total}）超过承诺时限（${promisedDays}）`,
          `Serial stages total ${total} days, more than the promised ${promisedDays}`,
        );
      }
    } else {
      for (const [index, department] of departments) {
        const stageDays = numberOf(department.stageDays);
        if (stageDays !== undefined && stageDays > promisedDays) {
          report(
            ctx,
            ['departments', index, 'stageDays'],
            'stage_exceeds_promise',
            `环节时限（${stageDays}）超过承诺时限（${promisedDays}）`,
            `Stage limit ${stageDays} exceeds the promised ${promisedDays} days`,
          );
        }
      }
    }
  }

  const memberIds = new Set(departments.flatMap(([, department]) => stringOf(department.deptId) ?? []));
  const prerequisitesOf = new Map<string, string[]>();
  for (const [index, department] of departments) {
    const ownId = stringOf(department.deptId);
    const prerequisites = listOf(department.prerequisites).filter((value): value is string => typeof value === 'string');
    prerequisites.forEach((prerequisite, position) => {
      const path = ['departments', index, 'prerequisites', position];
      if (prerequisite === ownId) {
        report(ctx, path, 'prerequisite_cycle', `部门不能以自身为前置条件：${prerequisite}`, `A department cannot be its own prerequisite: ${prerequisite}`);
      } else if (!memberIds.has(prerequisite)) {
        report(
          ctx,
          path,
          'prerequisite_outside_item',
          `前置部门 ${prerequisite} 不在本事项的部门中`,
          `Prerequisite ${prerequisite} is not a department of this item`,
        );
      }
    });
    if (ownId !== undefined)
      prerequisitesOf.set(
        ownId,
        prerequisites.filter((prerequisite) => prerequisite !== ownId),
      );
  }
  const inReportedCycle = new Set<string>();
  for (const [index, department] of departments) {
    const ownId = stringOf(department.deptId);
    if (ownId === undefined || inReportedCycle.has(ownId)) continue;
    const cycle = findCycle(ownId, prerequisitesOf);
    if (cycle !== undefined) {
      cycle.forEach((member) => inReportedCycle.add(member));
      const shown = [...cycle, ownId].join(' → ');
      report(ctx, ['departments', index, 'prerequisites'], 'prerequisite_cycle', `前置条件形成循环：${shown}`, `Prerequisites form a cycle: ${shown}`);
    }
  }
}

/**
 * The departments on a prerequisite cycle through `start`, beginning with it, or undefined when there is none.
 * A cycle would leave every department on it waiting for the others' approval before release.
 */
function findCycle(start: string, prerequisitesOf: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const visited = new Set<string>();
  const walk = (current: string, trail: string[]): string[] | undefined => {
    for (const next of prerequisitesOf.get(current) ?? []) {
      if (next === start) return trail;
      if (visited.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...trail, next]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

/** A "一件事" bundle: several items taken in with one form, one material list, at one window. */
export const BundleSchema = z.strictObject({
  code: stableCode,
  name: text,
  description: text.optional(),
  itemCodes: z.array(stableCode).min(2).describe('组成事项（至少2个），按办理顺序排列 / Items of the bundle, at least two, in the order they are handled'),
  windowId: stableCode.optional().describe('受理的“一件事”窗口 / The 一件事 window taking the bundle in'),
});
/** A bundle. */
export type Bundle = z.infer<typeof BundleSchema>;

/** Electronic supervision settings. */
export const SupervisionSchema = z
  .strictObject({
    yellowThresholdDays: days.default(1).describe('距时限不足该工作日数时亮黄灯 / Working days before the deadline at which a case turns yellow'),
    escalation: z
      .array(
        z.strictObject({
          level: EscalationLevelSchema,
          role: text.optional(),
          handlingDays: z
            .number()
            .int()
            .min(1)
            .max(30)
            .default(3)
            .describe('督办后给予的办理时限（工作日） / Working days the supervising office allows once it takes the task up'),
        }),
      )
      .min(1)
      .default(() => DEFAULT_ESCALATION.map((step) => ({ ...step })))
      .describe('超期逐级督办 / Escalation levels, lowest first'),
  })
  .superRefine((supervision, ctx) => {
    let previousRank = -1;
    for (const [index, step] of recordsOf(supervision.escalation)) {
      const rank = ESCALATION_ORDER.indexOf(step.level as EscalationLevel);
      if (rank === -1) continue;
      if (rank <= previousRank) {
        report(
          ctx,
          ['escalation', index, 'level'],
          'escalation_order',
          '督办层级须由低到高且不重复（county → city → province）',
          'Escalation levels must rise without repeats (county → city → province)',
        );
      }
      previousRank = Math.max(previousRank, rank);
    }
  }, runOnObjects);
/** Supervision settings. */
export type Supervision = z.infer<typeof SupervisionSchema>;

/** Service touchpoints at which an applicant may rate (好差评): after acceptance, after the case ended, after a refusal. */
export const reviewTouchpoints = ['acceptance', 'completion', 'refusal'] as const;

/** 好差评 settings. */
export const ReviewsSchema = z.strictObject({
  rectificationDays: z.number().int().min(1).default(10).describe('差评整改时限（工作日） / Working days to rectify a bad review'),
  touchpoints: z
    .array(z.enum(reviewTouchpoints))
    .min(1)
    .default((): (typeof reviewTouchpoints)[number][] => ['acceptance', 'completion'])
    .describe('开放评价的服务环节 / Touchpoints at which applicants may rate'),
});
/** Review settings. */
export type Reviews = z.infer<typeof ReviewsSchema>;

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
// Bundles: the merged form and material list are derived, never written.
// ---------------------------------------------------------------------------------------------

/** Thrown when a bundle code is not in the configuration. */
export class BundleNotFoundError extends Error {
  constructor(readonly bundleCode: string) {
    super(`Bundle not found: ${bundleCode}`);
    this.name = 'BundleNotFoundError';
  }
}

/** A form field of a bundle's merged form, with the items that ask for it. */
export type MergedFormField = FormField & { itemCodes: string[] };
/** A material of a bundle's merged list, with the item material it stands for in each item. */
export type MergedMaterial = Material & { usedBy: Array<{ itemCode: string; materialId: string }> };
/** A department taking part in a bundle, with the items it works on. */
export interface MergedBundleDepartment {
  deptId: string;
  itemCodes: string[];
}
/** A material one item needs that an earlier item of the same bundle issues, so it comes from the certificate library. */
export interface MaterialIssuedWithinBundle {
  itemCode: string;
  materialId: string;
  certificateType: string;
  issuedByItemCode: string;
}
/** One form, one material list and the departments of a bundle. */
export interface MergedBundle {
  formFields: MergedFormField[];
  materials: MergedMaterial[];
  departments: MergedBundleDepartment[];
  /** Not asked of the applicant: fetched once the issuing item is done (免证办). */
  issuedWithinBundle: MaterialIssuedWithinBundle[];
}

const normaliseName = (name: string): string => name.replace(/\s+/g, '');

/**
 * Merges the items of a bundle into one form, one material list and one department list ("一表申请、一套材料").
 *
 * Form fields are the same when their keys are equal; a merged field is required if any item requires it.
 * Materials are the same when their ids or their names (ignoring white space) are equal; a merged material is
 * required if any item requires it, may be deferred (容缺) only if every item requiring it allows that, is
 * accepted electronically only if every item accepts it so, and keeps only the file types every item accepts.
 * A material that an earlier item of the bundle issues (its `fromCertificateLibrary` is that item's result, e.g. the
 * business licence for seal filing) is not asked of the applicant and is listed in `issuedWithinBundle` instead.
 * Order follows the bundle's item order, so the form reads like the first item's form.
 *
 * @param config a configuration that passed {@link validateTenantConfig}
 * @throws BundleNotFoundError when the bundle code is unknown
 */
export function mergeBundle(config: TenantConfig, bundleCode: string): MergedBundle {
  const bundle = config.bundles.find((candidate) => candidate.code === bundleCode);
  if (bundle === undefined) throw new BundleNotFoundError(bundleCode);
  const items = bundle.itemCodes.map((itemCode) => {
    const item = config.items.find((candidate) => candidate.code === itemCode);
    // validation guarantees bundle items exist; an unvalidated config is a caller error
    if (item === undefined) throw new Error(`Bundle ${bundleCode} refers to unknown item ${itemCode}; validate the configuration first`);
    return item;
  });

  return mergeItems(items).merged;
}

interface BundleConflict {
  chinese: string;
  english: string;
}

/** The merge behind {@link mergeBundle}, with what cannot be merged: one key asked in two ways, or no common file type. */
function mergeItems(items: readonly ServiceItem[]): { merged: MergedBundle; conflicts: BundleConflict[] } {
  const merged: MergedBundle = { formFields: [], materials: [], departments: [], issuedWithinBundle: [] };
  const conflicts: BundleConflict[] = [];
  const issuerByCertificateType = new Map<string, string>();
  for (const item of items) {
    for (const field of item.formFields) {
      const existing = merged.formFields.find((candidate) => candidate.key === field.key);
      if (existing === undefined) merged.formFields.push({ ...field, itemCodes: [item.code] });
      else {
        if (existing.type !== field.type || JSON.stringify(existing.options ?? []) !== JSON.stringify(field.options ?? [])) {
          conflicts.push({
            chinese: `表单字段 ${field.key} 在事项 ${existing.itemCodes[0]} 与 ${item.code} 中类型或选项不一致`,
            english: `Form field ${field.key} differs in type or options between ${existing.itemCodes[0]} and ${item.code}`,
          });
        }
        existing.required = existing.required || field.required;
        existing.itemCodes.push(item.code);
      }
    }
    for (const material of item.materials) {
      const issuer = material.fromCertificateLibrary === undefined ? undefined : issuerByCertificateType.get(material.fromCertificateLibrary);
      if (issuer !== undefined && material.fromCertificateLibrary !== undefined) {
        merged.issuedWithinBundle.push({
          itemCode: item.code,
          materialId: material.id,
          certificateType: material.fromCertificateLibrary,
          issuedByItemCode: issuer,
        });
      } else mergeMaterial(merged.materials, item.code, material);
    }
    for (const participant of item.departments) {
      const existing = merged.departments.find((candidate) => candidate.deptId === participant.deptId);
      if (existing === undefined) merged.departments.push({ deptId: participant.deptId, itemCodes: [item.code] });
      else existing.itemCodes.push(item.code);
    }
    // registered after the item's own materials: an item needs the old certificate it is about to replace
    if (!issuerByCertificateType.has(item.result.certificateType)) issuerByCertificateType.set(item.result.certificateType, item.code);
  }
  for (const material of merged.materials) {
    if (material.fileTypes.length === 0) {
      conflicts.push({
        chinese: `材料 ${material.id} 在各事项中没有共同接受的文件类型`,
        english: `Material ${material.id} has no file type accepted by every item`,
      });
    }
  }
  return { merged, conflicts };
}

function mergeMaterial(materials: MergedMaterial[], itemCode: string, material: Material): void {
  const usage = { itemCode, materialId: material.id };
  const merged = materials.find(
    (candidate) => candidate.usedBy.some((use) => use.materialId === material.id) || normaliseName(candidate.name) === normaliseName(material.name),
  );
  if (merged === undefined) {
    materials.push({ ...material, fileTypes: [...material.fileTypes], usedBy: [usage] });
    return;
  }
  // deferral is decided by the items that need the material; an item where it is optional has no say
  const deferrable = (candidate: Pick<Material, 'required' | 'mayBeMissingAtAcceptance'>): boolean => !candidate.required || candidate.mayBeMissingAtAcceptance;
  merged.mayBeMissingAtAcceptance = (merged.required || material.required) && deferrable(merged) && deferrable(material);
  merged.required = merged.required || material.required;
  merged.electronicAccepted = merged.electronicAccepted && material.electronicAccepted;
  merged.fromCertificateLibrary = merged.fromCertificateLibrary ?? material.fromCertificateLibrary;
  merged.fileTypes = merged.fileTypes.filter((type) => material.fileTypes.includes(type));
  merged.usedBy.push(usage);
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
