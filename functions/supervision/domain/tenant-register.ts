/**
 * Port: the platform's register of onboarded counties, as supervision reads it. Every county applied
 * to the table (with or without a deploy) is in it, so the daily audit export covers it from its first day.
 */
export interface TenantRegister {
  /** The division codes of every onboarded county, in no particular order. */
  tenantIds(): Promise<string[]>;
}
