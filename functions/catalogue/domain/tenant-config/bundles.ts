/**
 * The "一件事" bundles of the tenant configuration, and their merged form and material list.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';
import { stableCode, text } from './common';
import type { TenantConfig } from './config';
import type { FormField, Material, ServiceItem } from './items';

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
export function mergeItems(items: readonly ServiceItem[]): { merged: MergedBundle; conflicts: BundleConflict[] } {
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
