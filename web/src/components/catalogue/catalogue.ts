import { answerOf, publicApi, type Schema } from '@/api/client';

export type ItemSummary = Schema<'ItemSummary'>;
export type Bundle = Schema<'Catalogue'>['bundles'][number];

export interface CountyCatalogue {
  readonly county: string;
  readonly items: readonly ItemSummary[];
  readonly bundles: readonly Bundle[];
}

const loaded = new Map<string, Promise<CountyCatalogue>>();

/** The county's catalogue, read once per visit (going back to the home page does not read it again; a failure does). */
export function countyCatalogue(tenantId: string): Promise<CountyCatalogue> {
  let catalogue = loaded.get(tenantId);
  if (!catalogue) {
    catalogue = answerOf(publicApi.GET('/v1/tenants/{tenantId}/items', { params: { path: { tenantId } } })).then((answer) => ({
      county: answer.tenant.name,
      items: answer.items,
      bundles: answer.bundles,
    }));
    catalogue.catch(() => loaded.delete(tenantId));
    loaded.set(tenantId, catalogue);
  }
  return catalogue;
}

/** An option of a filter: the value kept in the address and the words shown. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** What the visitor looks for; every part is optional and kept in the address (?q=&domain=&dept=&theme=). */
export interface ItemFilter {
  readonly q: string;
  readonly domain: string;
  readonly dept: string;
  readonly theme: string;
}

/** The items matching every part of the filter: the keyword in the name, the code or a department taking part; the implementing department for `dept`. */
export function matchingItems(catalogue: CountyCatalogue, filter: ItemFilter): ItemSummary[] {
  const keyword = filter.q.trim().toLowerCase();
  const theme = filter.theme ? catalogue.bundles.find((bundle) => bundle.code === filter.theme) : undefined;
  return catalogue.items.filter(
    (item) =>
      (!keyword || [item.name, item.code, ...item.departments.map((department) => department.name)].some((text) => text.toLowerCase().includes(keyword))) &&
      (!filter.domain || item.domain === filter.domain) &&
      (!filter.dept || item.leadDepartment.deptId === filter.dept) &&
      (!filter.theme || (theme?.itemCodes.includes(item.code) ?? false)),
  );
}
