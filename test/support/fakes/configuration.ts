import type {
  ItemCatalogue,
  ItemChange,
  ItemVersionRecord,
  PublishedItem,
  TenantDirectory,
  TenantProfile,
} from '../../../functions/catalogue/domain/service-item';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { copy, InMemoryTable, keyOf } from './table';

/**
 * The item catalogue over the shared table: immutable versions, the current one the newest, a version
 * refused (ITEM_VERSION_CONFLICT) when it exists or skips one, as the adapter's transaction does.
 */
export class InMemoryItemCatalogue implements ItemCatalogue {
  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined> {
    return copy(this.history(tenantId, itemCode).at(-1)?.published);
  }

  async itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return copy(this.history(tenantId, itemCode).find((record) => record.published.version === version)?.published);
  }

  async versions(tenantId: string, itemCode: string): Promise<ItemVersionRecord[]> {
    return copy([...this.history(tenantId, itemCode)].reverse());
  }

  async publish(record: ItemVersionRecord): Promise<void> {
    const { tenantId, code, version } = record.published;
    const versions = this.history(tenantId, code);
    if (version !== versions.length + 1) {
      throw new InvalidTransitionError(
        `事项${code}的版本${version}已存在或版本不连续`,
        `Item ${code} version ${version} already exists or skips a version`,
        'ITEM_VERSION_CONFLICT',
      );
    }
    this.table.itemVersions.set(keyOf(tenantId, code), [...versions, copy(record)]);
    this.table.configurationAudit.push({ tenantId, recordId: `CONFIG-${code}-V${version}`, action: 'ItemVersionPublished' });
  }

  /** Every version ever published, across tenants and items. */
  publishedVersionCount(): number {
    return [...this.table.itemVersions.values()].reduce((count, versions) => count + versions.length, 0);
  }

  private history(tenantId: string, itemCode: string): ItemVersionRecord[] {
    return (this.table.itemVersions.get(keyOf(tenantId, itemCode)) ?? []) as ItemVersionRecord[];
  }
}

/** The tenant directory over the shared table: a profile replaced whole on each apply, the register of onboarded counties beside it. */
export class InMemoryTenantDirectory implements TenantDirectory {
  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async profile(tenantId: string): Promise<TenantProfile | undefined> {
    return copy(this.table.profiles.get(tenantId)?.profile as TenantProfile | undefined);
  }

  async saveProfile(profile: TenantProfile, change: ItemChange): Promise<void> {
    const tenantId = profile.tenant.tenantId;
    const recordId = `CONFIG-PROFILE-${change.at}`;
    // the adapter writes the audit record with `attribute_not_exists`: one application per instant
    if (this.table.configurationAudit.some((record) => record.tenantId === tenantId && record.recordId === recordId)) {
      throw new Error(`profile of ${tenantId} already applied at ${change.at}`);
    }
    this.table.profiles.set(tenantId, { profile: copy(profile), change: copy(change) });
    this.table.configurationAudit.push({ tenantId, recordId, action: 'TenantProfileApplied' });
  }

  async tenantIds(): Promise<string[]> {
    return [...this.table.profiles.keys()].sort();
  }

  /** The change that applied a tenant's current profile. */
  changeOf(tenantId: string): ItemChange | undefined {
    return copy(this.table.profiles.get(tenantId)?.change as ItemChange | undefined);
  }
}
