import { answerOf, publicApi, type Schema } from '@/api/client';

/** A department of the county as the catalogue names it. */
export interface Department {
  readonly deptId: string;
  readonly name: string;
}

/**
 * What the task page knows of the departments around a case, from the public catalogue and the item's guide (the
 * contract has no list of a county's departments and no prerequisites on a task, so these are the sources):
 * - `county`: every department the county's published items name, in catalogue order (the choices of 转办); undefined
 *   when the catalogue cannot be read;
 * - `prerequisites`: 默认前置条件批准, the departments each department's approval presumes, by department; undefined
 *   when not known for the item version the case keeps (a bundle, another version, no guide).
 */
export interface CaseDepartments {
  readonly county?: readonly Department[];
  readonly prerequisites?: ReadonlyMap<string, readonly string[]>;
  readonly name: (deptId: string) => string | undefined;
}

async function countyDepartments(tenantId: string): Promise<Department[]> {
  const catalogue = await answerOf(publicApi.GET('/v1/tenants/{tenantId}/items', { params: { path: { tenantId } } }));
  const byId = new Map<string, Department>();
  for (const item of catalogue.items) for (const department of item.departments) if (!byId.has(department.deptId)) byId.set(department.deptId, department);
  return [...byId.values()];
}

async function guideOf(tenantId: string, item: Schema<'CaseView'>['item']): Promise<Schema<'ItemGuide'> | undefined> {
  if (item.bundleOf) return undefined;
  return answerOf(publicApi.GET('/v1/tenants/{tenantId}/items/{itemCode}', { params: { path: { tenantId, itemCode: item.code } } }));
}

/** Both read side by side; either may fail, and the page does without what it lacks. */
export async function caseDepartmentsOf(tenantId: string, item: Schema<'CaseView'>['item']): Promise<CaseDepartments> {
  const [county, guide] = await Promise.all([countyDepartments(tenantId).catch(() => undefined), guideOf(tenantId, item).catch(() => undefined)]);
  const names = new Map<string, string>();
  for (const department of [...(guide?.approval.departments ?? []), ...(county ?? [])]) names.set(department.deptId, department.name);
  // the guide is the item's current version; a case keeps the version it was filed under
  const sameVersion = guide !== undefined && guide.version === item.version;
  return {
    ...(county ? { county } : {}),
    ...(sameVersion ? { prerequisites: new Map(guide.approval.departments.map((department) => [department.deptId, department.prerequisites])) } : {}),
    name: (deptId) => names.get(deptId),
  };
}
