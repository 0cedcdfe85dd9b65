/**
 * Tenant configuration: the file a county-level government (a tenant) writes to onboard onto Tongban:
 * its halls and windows, the departments stationed there, its service items (政务服务事项) and its
 * "一件事" bundles. The zod schemas in this folder are the single source of truth: the TypeScript types are
 * inferred from them, `schemas/tenant-config.schema.json` is generated from them, and the operator CLI
 * validates files with them.
 *
 * Pure module: no AWS, no I/O.
 */
export type { TenantConfigRuleCode } from './common';
export {
  WindowDomainSchema,
  WindowKindSchema,
  HallLevelSchema,
  DepartmentTypeSchema,
  DepartmentPresenceSchema,
  ItemTypeSchema,
  HandlingKindSchema,
  FormFieldTypeSchema,
  MaterialFileTypeSchema,
  SpecialProcedureTypeSchema,
  EscalationLevelSchema,
} from './vocabularies';
export type {
  WindowDomain,
  WindowKind,
  HallLevel,
  DepartmentType,
  DepartmentPresence,
  ItemType,
  HandlingKind,
  FormFieldType,
  MaterialFileType,
  SpecialProcedureType,
  EscalationLevel,
} from './vocabularies';
export { TenantSchema } from './tenant';
export type { Tenant } from './tenant';
export { ServiceWindowSchema, HallSchema } from './halls';
export type { ServiceWindow, Hall } from './halls';
export { DepartmentSchema } from './departments';
export type { Department } from './departments';
export { FormFieldSchema, MaterialSchema, FeeSchema, ItemDepartmentSchema, SpecialProcedureSchema, ItemResultSchema, ServiceItemSchema } from './items';
export type { FormField, Material, Fee, ItemDepartment, SpecialProcedure, ItemResult, ServiceItem } from './items';
export { BundleSchema, BundleNotFoundError, mergeBundle } from './bundles';
export type { Bundle, MergedFormField, MergedMaterial, MergedBundleDepartment, MaterialIssuedWithinBundle, MergedBundle } from './bundles';
export { SupervisionSchema } from './supervision';
export type { Supervision } from './supervision';
export { reviewTouchpoints, ReviewsSchema } from './reviews';
export type { Reviews } from './reviews';
export { TenantConfigSchema, validateTenantConfig, parseTenantConfigText } from './config';
export type { TenantConfig, TenantConfigInput, TenantConfigError, TenantConfigValidation } from './config';
