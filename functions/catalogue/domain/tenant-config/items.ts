/**
 * The service items of the tenant configuration, with their forms, materials, fees, departments and special procedures.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';
import {
  FIELD_KEY,
  type UnknownRecord,
  bilingual,
  days,
  deptId,
  listOf,
  numberOf,
  recordsOf,
  report,
  reportDuplicates,
  runOnObjects,
  stableCode,
  stringOf,
  text,
  upperSnake,
} from './common';
import {
  DEFAULT_FILE_TYPES,
  FormFieldTypeSchema,
  HandlingKindSchema,
  ItemTypeSchema,
  MaterialFileTypeSchema,
  SpecialProcedureTypeSchema,
  WindowDomainSchema,
} from './vocabularies';

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
