import { CalendarNotAvailable, InvalidInstantError } from '../domain/calendar';
import { PROVISIONAL_NOTE } from '../domain/provisional-note';
import { notFound, RuleNotSatisfiableError, ValidationError } from '../shared/errors';
import { bundleAsItem } from './domain/bundle-item';
import { buildGuide, itemSummary } from './domain/guide';
import { whereToGo } from './domain/where-to-go';
import type { Clock } from '../shared/runtime';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import { itemChanged, type ItemCatalogue, type TenantDirectory } from './domain/service-item';
import { BundleNotFoundError, mergeBundle, type TenantConfig } from './domain/tenant-config/index';
import type { PublishedItem, TenantProfile } from './domain/service-item';

export interface CatalogueDependencies {
  readonly catalogue: ItemCatalogue;
  readonly tenants: TenantDirectory;
  readonly clock: Clock;
  readonly calendar: NationalCalendarSource;
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
export async function applyTenantConfig(
  deps: Pick<CatalogueDependencies, 'catalogue' | 'tenants' | 'clock'>,
  config: TenantConfig,
  change: { by: string; reason: string },
): Promise<ApplySummary> {
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
  // each bundle is published as an entry of its own, built from the current versions of its items
  for (const bundle of config.bundles) {
    const members = await Promise.all(bundle.itemCodes.map((code) => deps.catalogue.publishedItem(tenantId, code)));
    const items = members.filter((item): item is PublishedItem => item !== undefined);
    const entry = bundleAsItem(bundle, items, mergeBundle(config, bundle.code));
    const current = await deps.catalogue.publishedItem(tenantId, bundle.code);
    if (!itemChanged(current, entry)) {
      unchanged.push(bundle.code);
      continue;
    }
    const version = (current?.version ?? 0) + 1;
    await deps.catalogue.publish({ published: { ...entry, tenantId, version }, change: { ...change, at } });
    published.push({ code: bundle.code, version });
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

async function requireTenant(deps: Pick<CatalogueDependencies, 'tenants'>, tenantId: string): Promise<TenantProfile> {
  const profile = await deps.tenants.profile(tenantId);
  if (!profile) throw notFound.tenant(tenantId);
  return profile;
}

async function requireItem(deps: Pick<CatalogueDependencies, 'catalogue'>, tenantId: string, itemCode: string): Promise<PublishedItem> {
  const item = await deps.catalogue.publishedItem(tenantId, itemCode);
  if (!item) throw notFound.item(itemCode);
  return item;
}

/** The tenant's catalogue: every published item (current version) and bundle. */
export async function listCatalogue(deps: CatalogueDependencies, tenantId: string) {
  const profile = await requireTenant(deps, tenantId);
  const items = await Promise.all(profile.itemCodes.map((code) => deps.catalogue.publishedItem(tenantId, code)));
  return {
    tenant: profile.tenant,
    items: items.filter((item): item is PublishedItem => item !== undefined).map((item) => itemSummary(item, profile)),
    bundles: profile.bundles.map((bundle) => ({ code: bundle.code, name: bundle.name, itemCodes: bundle.itemCodes })),
  };
}

/** The public guide (办事指南) of the current version of one item, with "expected by" for an application filed now. */
export async function itemGuide(deps: CatalogueDependencies, tenantId: string, itemCode: string) {
  const [profile, item, national] = await Promise.all([requireTenant(deps, tenantId), requireItem(deps, tenantId, itemCode), deps.calendar.current()]);
  return buildGuide(item, profile, deps.clock.now().toISOString(), national);
}

/** A bundle (一件事) guide: one merged form and one material list without duplicates. */
export async function bundleGuide(deps: CatalogueDependencies, tenantId: string, bundleCode: string) {
  const profile = await requireTenant(deps, tenantId);
  const bundle = profile.bundles.find((candidate) => candidate.code === bundleCode);
  if (!bundle) throw notFound.bundle(bundleCode);
  const items = await Promise.all(bundle.itemCodes.map((code) => requireItem(deps, tenantId, code)));
  try {
    const merged = mergeBundle({ ...profile, items } as TenantConfig, bundleCode);
    return {
      tenant: profile.tenant,
      code: bundle.code,
      name: bundle.name,
      description: bundle.description,
      items: items.map((item) => itemSummary(item, profile)),
      ...merged,
      halls: whereToGo(profile, { domains: items.map((item) => item.domain), windowId: bundle.windowId }),
    };
  } catch (error) {
    if (error instanceof BundleNotFoundError) throw notFound.bundle(bundleCode);
    throw error;
  }
}

/**
 * The deadline `days` working days after `start` under this tenant's calendar (national holidays,
 * 调休 make-up days and local closures): the end of the n-th working day, Shanghai time.
 */
export async function workingDayDeadline(deps: Pick<CatalogueDependencies, 'tenants' | 'calendar'>, tenantId: string, start: string, days: number) {
  const [profile, national] = await Promise.all([requireTenant(deps, tenantId), deps.calendar.current()]);
  try {
    const calendar = tenantCalendar(profile, national);
    const deadline = calendar.addWorkingDays(start, days);
    // a deadline counted over a year whose notice is not out yet says so (it is recomputed when the notice is loaded)
    const provisional = calendar.countsProvisionalDay(start, deadline);
    return {
      tenantId,
      start,
      days,
      deadline,
      provisional,
      ...(provisional ? { provisionalNote: PROVISIONAL_NOTE } : {}),
      extraClosures: profile.tenant.extraClosures,
    };
  } catch (error) {
    if (error instanceof InvalidInstantError) {
      throw new ValidationError(
        '起算时间格式不正确，应为带时区的ISO 8601时间',
        'start must be an ISO 8601 instant with an offset',
        [{ path: 'query.start', message: 'e.g. 2026-09-30T10:00:00+08:00' }],
        'INVALID_INSTANT',
      );
    }
    if (error instanceof CalendarNotAvailable) {
      throw new RuleNotSatisfiableError(
        `${error.year}年节假日安排尚未加载，无法计算工作日`,
        `No official holiday calendar is loaded for ${error.year}`,
        'CALENDAR_NOT_AVAILABLE',
      );
    }
    throw error;
  }
}
