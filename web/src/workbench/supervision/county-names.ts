import { answerOf, publicApi } from '@/api/client';

/**
 * The names of the county's departments and items, from its public catalogue: the dashboard's counters carry codes
 * only. A code the catalogue does not know (an unpublished item) is shown as it is.
 */
export interface CountyNames {
  readonly department: (deptId: string) => string;
  readonly item: (itemCode: string) => string;
  readonly departments: readonly { readonly deptId: string; readonly name: string }[];
  readonly items: readonly { readonly code: string; readonly name: string }[];
}

export async function countyNames(tenantId: string): Promise<CountyNames> {
  const catalogue = await answerOf(publicApi.GET('/v1/tenants/{tenantId}/items', { params: { path: { tenantId } } }));
  const departments = new Map<string, string>();
  for (const item of catalogue.items) for (const department of item.departments) departments.set(department.deptId, department.name);
  const items = new Map(catalogue.items.map((item) => [item.code, item.name]));
  return {
    department: (deptId) => departments.get(deptId) ?? deptId,
    item: (itemCode) => items.get(itemCode) ?? itemCode,
    departments: [...departments].map(([deptId, name]) => ({ deptId, name })),
    items: catalogue.items.map((item) => ({ code: item.code, name: item.name })),
  };
}
