import { CalendarNotAvailable, endOfShanghaiDay, shanghaiDate, type WorkingCalendar } from '../../domain/calendar';
import { tenantCalendar } from '../../kernel/calendar-access';
import type { PublishedItem, TenantProfile } from './service-item';
import { whereToGo } from './where-to-go';

/**
 * The public guide of an item (办事指南, "一事一指南"): everything an applicant needs before applying,
 * and nothing the guide does not list may be asked for later (seed 004 art.7). Pure.
 */
/**
 * When a case filed at `now` would be finished at the latest, if accepted on the day it arrives:
 * the end of the promised n-th working day, the same day for 即办件. Unknown (null) when that date
 * falls in a year whose official holiday notice is not loaded yet.
 */
export function expectedBy(item: PublishedItem, profile: TenantProfile, now: string, national: WorkingCalendar): string | null {
  if (item.handlingKind === '即办件' || item.promisedDays === 0) return endOfShanghaiDay(shanghaiDate(now));
  try {
    return tenantCalendar(profile, national).addWorkingDays(now, item.promisedDays);
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return null;
    throw error;
  }
}

const departmentName = (profile: TenantProfile, deptId: string) => profile.departments.find((department) => department.deptId === deptId)?.name ?? deptId;

/** What the catalogue lists of an item: enough to find it by keyword, domain or department, and to know its limits. */
export function itemSummary(item: PublishedItem, profile: TenantProfile) {
  // the configuration admits exactly one lead per item; the first department stands in for an entry without one
  const lead = item.departments.find((department) => department.lead) ?? item.departments[0];
  if (!lead) throw new Error(`item ${item.code} has no department`);
  return {
    code: item.code,
    name: item.name,
    itemType: item.itemType,
    domain: item.domain,
    handlingKind: item.handlingKind,
    legalDays: item.legalDays,
    promisedDays: item.promisedDays,
    onlineAllowed: item.onlineAllowed,
    version: item.version,
    leadDepartment: { deptId: lead.deptId, name: departmentName(profile, lead.deptId) },
    departments: item.departments.map((department) => ({ deptId: department.deptId, name: departmentName(profile, department.deptId) })),
  };
}

export function buildGuide(item: PublishedItem, profile: TenantProfile, now: string, national: WorkingCalendar) {
  // a 一件事 read as an item is taken in at its own window when the county configured one
  const bundleWindowId = profile.bundles.find((bundle) => bundle.code === item.code)?.windowId;
  return {
    tenant: { tenantId: profile.tenant.tenantId, name: profile.tenant.name },
    ...itemSummary(item, profile),
    legalBasis: item.legalBasis,
    noticeDays: item.noticeDays,
    timeUnit: '工作日 / working days',
    expectedBy: expectedBy(item, profile, now, national),
    commitmentAllowed: item.commitmentAllowed,
    approval: {
      mode: item.mode,
      departments: item.departments.map((department) => ({
        deptId: department.deptId,
        name: departmentName(profile, department.deptId),
        lead: department.lead,
        stageDays: department.stageDays,
        prerequisites: department.prerequisites,
      })),
    },
    steps: [
      { step: '申请 / apply', detail: item.onlineAllowed ? '网上或窗口申请，标准一致 / online or at a window, same standard' : '窗口申请 / at a window' },
      {
        step: '受理 / acceptance',
        detail: `材料不全的，${item.noticeDays}个工作日内一次性告知 / missing materials are notified once within ${item.noticeDays} working day(s)`,
      },
      {
        step: '审查 / review',
        detail: item.mode === 'parallel' ? '相关部门并联审查 / departments review in parallel' : '各部门依次审查 / departments review in turn',
      },
      {
        step: '决定 / decision',
        detail: `承诺${item.promisedDays}个工作日内办结（法定${item.legalDays}个工作日） / promised within ${item.promisedDays} working days (legal limit ${item.legalDays})`,
      },
      { step: '送达 / delivery', detail: '办结后3个工作日内送达，可自取或邮寄 / delivered within 3 working days, pickup or mail' },
    ],
    formFields: item.formFields,
    materials: item.materials,
    fees: item.fees,
    free: item.fees.length === 0,
    specialProcedures: item.specialProcedures.map((procedure) => ({
      ...procedure,
      note: procedure.countedInLimit ? '计入办结时限 / counted in the limit' : '不计入办结时限 / not counted in the limit',
    })),
    result: item.result,
    halls: whereToGo(profile, { domains: [item.domain], windowId: bundleWindowId }),
  };
}
