/**
 * Vocabularies of the tenant configuration: the enumerations its sections share.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';

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
export const DEFAULT_FILE_TYPES: readonly MaterialFileType[] = ['pdf', 'jpg', 'png'];

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
export const ESCALATION_ORDER: readonly EscalationLevel[] = EscalationLevelSchema.options;
export const DEFAULT_ESCALATION: ReadonlyArray<{ level: EscalationLevel; role?: string; handlingDays: number }> = [
  { level: 'county', role: '督办', handlingDays: 3 },
  { level: 'city', handlingDays: 3 },
];
