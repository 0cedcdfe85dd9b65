import { notFound } from '../shared/errors';
import type { Clock } from '../shared/runtime';
import { itemChanged, type ItemCatalogue, type TenantDirectory } from './domain/service-item';
import type { TenantConfig } from './domain/tenant-config';

export interface CatalogueDependencies {
  readonly catalogue: ItemCatalogue;
  readonly tenants: TenantDirectory;
  readonly clock: Clock;
}

export interface ApplySummary {
  readonly tenantId: string;
  readonly published: readonly { code: string; version: number }[];
  readonly unchanged: readonly string[];
}

/**
 * Primary course: an operator applies a validated tenant configuration. The tenant profile is
 * replaced; each item whose definition changed gets a new immutable version (who/when/why), and
 * unchanged items keep theirs, so applying the same file twice publishes nothing.
 */
export async function applyTenantConfig(deps: CatalogueDependencies, config: TenantConfig, change: { by: string; reason: string }): Promise<ApplySummary> {
  const at = deps.clock.now().toISOString();
  const tenantId = config.tenant.tenantId;
  const published: { code: string; version: number }[] = [];
  const unchanged: string[] = [];
  for (const item of config.items) {
    const current = await deps.catalogue.publishedItem(tenantId, item.code);
    if (!itemChanged(current, item)) {
      unchanged.push(item.code);
      continue;
    }
    const version = (current?.version ?? 0) + 1;
    await deps.catalogue.publish({ published: { ...item, tenantId, version }, change: { ...change, at } });
    published.push({ code: item.code, version });
  }
  const { items, $schema: _schema, ...profile } = config;
  await deps.tenants.saveProfile({ ...profile, itemCodes: items.map((item) => item.code) }, { ...change, at });
  return { tenantId, published, unchanged };
}

/** The version history of one item, newest first. */
export async function itemVersions(deps: CatalogueDependencies, tenantId: string, itemCode: string) {
  const history = await deps.catalogue.versions(tenantId, itemCode);
  if (history.length === 0) throw notFound.item(itemCode);
  return {
    itemCode,
    current: history[0]?.published.version,
    versions: history.map((record) => ({ version: record.published.version, name: record.published.name, change: record.change })),
  };
}
