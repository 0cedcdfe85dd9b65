import type { WorkingCalendar } from '../domain/calendar';

/** Port: the national working-day calendar built from the current notices, as every function uses it. */
export interface NationalCalendarSource {
  /** The calendar as of at most the cache TTL ago (`CALENDAR_CACHE_TTL_SECONDS`, default 60). */
  current(): Promise<WorkingCalendar>;
  /** Reads the notices now, bypassing the cache, and refreshes it (e.g. right after a load). */
  fresh(): Promise<WorkingCalendar>;
}

/** What a tenant's calendar needs of its profile: the county's own closures (Article 4 holidays, emergencies). */
export interface TenantClosures {
  readonly tenant: { readonly extraClosures: Iterable<string> };
}

/** The tenant's working-day calendar: the national notices as loaded now, plus its local closures. */
export function tenantCalendar(profile: TenantClosures, national: WorkingCalendar): WorkingCalendar {
  return national.withExtraClosures(profile.tenant.extraClosures);
}
