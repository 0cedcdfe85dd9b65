import type { PublishedItem } from './service-item';
import type { Bundle, MergedBundle, ServiceItem } from './tenant-config/index';

/** The items a bundle entry was built from, each at the version that was current then. */
export interface BundleMember {
  readonly code: string;
  readonly name: string;
  readonly version: number;
}

/** A bundle as the catalogue publishes it: an item of its own, plus the items it stands for. */
export type BundleItem = ServiceItem & { readonly bundleOf: readonly BundleMember[] };

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * A 一件事 bundle as one catalogue entry, so an application for it goes through the same case flow
 * as any item: one merged form and material list, every department of every item reviewing in
 * parallel (each within its longest stage), and the longest time limits of its items. Pure.
 */
export function bundleAsItem(bundle: Bundle, items: readonly PublishedItem[], merged: MergedBundle): BundleItem {
  const [first] = items;
  if (!first) throw new Error(`bundle ${bundle.code} has no items`);
  const departmentsOf = (deptId: string) => items.flatMap((item) => item.departments.filter((department) => department.deptId === deptId));
  const leadDeptId = first.departments.find((department) => department.lead)?.deptId ?? merged.departments[0]?.deptId;
  const memberIds = new Set(merged.departments.map((department) => department.deptId));
  return {
    code: bundle.code,
    name: bundle.name,
    itemType: first.itemType,
    domain: first.domain,
    legalBasis: unique(items.flatMap((item) => item.legalBasis)),
    handlingKind: items.every((item) => item.handlingKind === '即办件') ? '即办件' : '承诺件',
    legalDays: Math.max(...items.map((item) => item.legalDays)),
    promisedDays: Math.max(...items.map((item) => item.promisedDays)),
    noticeDays: items.some((item) => item.noticeDays === 5) ? 5 : 1,
    supplementPolicy: items.some((item) => item.supplementPolicy === 'restart') ? 'restart' : 'suspend',
    commitmentAllowed: items.every((item) => item.commitmentAllowed),
    onlineAllowed: items.every((item) => item.onlineAllowed),
    mode: 'parallel',
    departments: merged.departments.map(({ deptId }) => ({
      deptId,
      lead: deptId === leadDeptId,
      stageDays: Math.max(...departmentsOf(deptId).map((department) => department.stageDays)),
      prerequisites: unique(departmentsOf(deptId).flatMap((department) => department.prerequisites)).filter(
        (other) => other !== deptId && memberIds.has(other),
      ),
    })),
    formFields: merged.formFields.map(({ itemCodes: _itemCodes, ...field }) => field),
    materials: merged.materials.map(({ usedBy: _usedBy, ...material }) => material),
    fees: items.flatMap((item) => item.fees),
    specialProcedures: items.flatMap((item) => item.specialProcedures),
    result: first.result,
    bundleOf: items.map((item) => ({ code: item.code, name: item.name, version: item.version })),
  };
}
