import { canonicalJson } from '../../kernel/canonical-json';
import type { ServiceItem, TenantConfig } from './tenant-config/index';

/**
 * A published version of a service item (事项): the item exactly as the county configured it, plus
 * the tenant and version number. A case keeps the version it was filed under (versions are immutable).
 */
export type PublishedItem = ServiceItem & {
  readonly tenantId: string;
  readonly version: number;
  /** For a 一件事 bundle: the items (at their versions) it was built from. */
  readonly bundleOf?: readonly { readonly code: string; readonly name: string; readonly version: number }[];
};

/** Who changed an item, when and why: every published version carries it. */
export interface ItemChange {
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

export interface ItemVersionRecord {
  readonly published: PublishedItem;
  readonly change: ItemChange;
}

/** Port: the service-item catalogue (事项库); published versions are immutable. */
export interface ItemCatalogue {
  publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined>;
  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined>;
  versions(tenantId: string, itemCode: string): Promise<ItemVersionRecord[]>;
  /** Stores version n and makes it current; refuses an existing version or a gap. */
  publish(record: ItemVersionRecord): Promise<void>;
}

/** Everything of a tenant's configuration except its items (which are versioned one by one). */
export type TenantProfile = Omit<TenantConfig, 'items' | '$schema'> & { readonly itemCodes: readonly string[] };

/** Port: the registry of onboarded tenants and their current profile. */
export interface TenantDirectory {
  profile(tenantId: string): Promise<TenantProfile | undefined>;
  saveProfile(profile: TenantProfile, change: ItemChange): Promise<void>;
  /** Every county with a profile, for work that spans them all (a new holiday notice). */
  tenantIds(): Promise<string[]>;
}

/** True when the configured item differs from the published version (tenant and version aside). */
export function itemChanged(published: PublishedItem | undefined, configured: ServiceItem & { bundleOf?: PublishedItem['bundleOf'] }): boolean {
  if (!published) return true;
  const { tenantId: _tenant, version: _version, ...definition } = published;
  return canonicalJson(definition) !== canonicalJson(configured);
}
