/**
 * The departments of the tenant configuration.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';
import { days, deptId, stableCode, text } from './common';
import { DepartmentPresenceSchema, DepartmentTypeSchema } from './vocabularies';

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
