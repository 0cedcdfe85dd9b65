import { z } from 'zod';
import type { TenantDirectory } from '../catalogue/domain/service-item';
import { shanghaiDate } from '../domain/calendar';
import { calendarWarning } from '../domain/calendar-warning';
import type { CaseRepository } from '../intake/domain/ports';
import type { AuditRecord } from '../kernel/audit-record';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import { relayedEventSchema } from '../kernel/events/envelope';
import { tenantIdSchema } from '../kernel/ids';
import { authorize } from '../kernel/permissions';
import { notFound } from '../shared/errors';
import { keys } from '../shared/table/keys';
import type { RequestContext } from '../shared/request-context';
import type { Clock } from '../shared/runtime';
import { auditRecordOf } from './domain/audit';
import { applyEvent, countersDelta, type RelayedEvent, subjectOf } from './domain/counters';
import { dashboardOf, staffMonthOf } from './domain/dashboard';
import { NOW, periodOfDate } from './domain/periods';
import type { AuditLog, CounterStore, ExportStore } from './domain/ports';
import type { TenantRegister } from './domain/tenant-register';

export interface SupervisionDependencies {
  readonly cases: Pick<CaseRepository, 'find'>;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  readonly counters: CounterStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly calendar: NationalCalendarSource;
}

const MAX_STALE_RETRIES = 20;

/**
 * Primary course: an event arrives (at least once, in any order); the subject's facts move on, the
 * difference of its counter contribution is added at county, city and province level, and the event's
 * audit record is written: all in one transaction with the event's applied-marker, so a redelivery
 * changes nothing and concurrent events never lose an increment.
 */
export async function applySupervisionEvent(
  deps: Pick<SupervisionDependencies, 'cases' | 'tenants' | 'counters' | 'calendar'>,
  message: z.infer<typeof relayedEventSchema>,
): Promise<'applied' | 'duplicate' | 'national'> {
  const event: RelayedEvent = message;
  // the national level (a loaded holiday notice) counts nothing and is audited in the transaction that loaded it
  if (event.tenantId === keys.nationalLevel) return 'national';
  const [profile, national] = await Promise.all([deps.tenants.profile(event.tenantId), deps.calendar.current()]);
  const calendar = profile ? tenantCalendar(profile, national) : national;
  const yellowThreshold = profile?.supervision.yellowThresholdDays ?? 1;
  const rollUpTo = profile ? [profile.tenant.cityCode, profile.tenant.provinceCode] : [];
  const subject = subjectOf(event);
  const current = subject?.startsWith('CASE#') && event.caseId ? await deps.cases.find(event.tenantId, event.caseId) : undefined;
  const caseInfo = current ? { itemCode: current.itemCode, promisedDays: current.promisedDays } : undefined;
  const audit = auditRecordOf(event);
  for (let attempt = 0; attempt < MAX_STALE_RETRIES; attempt += 1) {
    const stored = subject ? await deps.counters.facts(event.tenantId, subject) : { version: 0 };
    const next = subject ? applyEvent(stored.facts, event, { calendar, yellowThreshold, ...(caseInfo ? { caseInfo } : {}) }) : undefined;
    const outcome = await deps.counters.apply({
      tenantId: event.tenantId,
      eventId: event.eventId,
      ...(subject && next ? { subject: { key: subject, facts: next, expectedVersion: stored.version } } : {}),
      rollUpTo,
      increments: subject ? countersDelta(stored.facts, next) : [],
      audit,
    });
    if (outcome !== 'stale') return outcome;
  }
  throw new Error(`facts of ${subject} kept moving; the queue will retry event ${event.eventId}`);
}

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const dashboardQuery = z.object({
  window: z.enum(['day', 'week', 'month']).default('day'),
  date: ymd.optional(),
  level: z.enum(['county', 'city', 'province']).default('county'),
});

/**
 * The supervision dashboard of the county, or of its city or province (roll-up): a fixed number of
 * reads (one Query of the period partition and one of the gauge partition), whatever the case count.
 * From 60 days before the official holiday calendar runs out it carries `calendarWarning`: the
 * supervision office watches the deadlines, and provisional ones are theirs to chase too.
 */
export async function getDashboard(
  deps: Pick<SupervisionDependencies, 'tenants' | 'counters' | 'clock' | 'calendar'>,
  ctx: RequestContext,
  query: z.infer<typeof dashboardQuery>,
) {
  authorize(ctx.principal, 'supervision.read-dashboard');
  const profile = await deps.tenants.profile(ctx.tenantId);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  const divisionCode = query.level === 'county' ? ctx.tenantId : query.level === 'city' ? profile.tenant.cityCode : profile.tenant.provinceCode;
  const now = deps.clock.now().toISOString();
  const today = shanghaiDate(now);
  const period = periodOfDate(query.window, query.date ?? today);
  const [periodRead, gaugeRead, national] = await Promise.all([
    deps.counters.readPeriod(divisionCode, period),
    deps.counters.readPeriod(divisionCode, NOW),
    deps.calendar.current(),
  ]);
  const warning = calendarWarning(national, now);
  return {
    scope: { level: query.level, divisionCode },
    window: { kind: query.window, period: period.slice(2), date: query.date ?? today },
    ...(warning ? { calendarWarning: warning } : {}),
    ...dashboardOf({ period: periodRead.rows, gauge: gaugeRead.rows, today }),
    readCost: { itemsRead: periodRead.itemsRead + gaugeRead.itemsRead, readCapacityUnits: periodRead.readCapacityUnits + gaugeRead.readCapacityUnits },
  };
}

export const staffPath = z.object({ staffId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/) });
export const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM') });

/** A handler's monthly figures for the centre's assessment: the person, a department head, the supervision office or an admin. */
export async function getStaffMonthly(deps: Pick<SupervisionDependencies, 'counters'>, ctx: RequestContext, staffId: string, month: string) {
  authorize(ctx.principal, 'supervision.read-staff-month', { staffId });
  const read = await deps.counters.readStaff(ctx.tenantId, `M#${month}`, staffId);
  return { staffId, month, ...staffMonthOf(read.rows[0]) };
}

export const auditQuery = z
  .object({
    caseId: z.string().min(1).max(64).optional(),
    staffId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .refine((query) => (query.caseId === undefined) !== (query.staffId === undefined), {
    message: '须且仅须指定 caseId 或 staffId 之一 / exactly one of caseId or staffId',
    path: ['caseId'],
  });

/** The audit trail of one case or one handler, in time order: the supervision office and admins only. */
export async function queryAudit(deps: Pick<SupervisionDependencies, 'audit'>, ctx: RequestContext, query: z.infer<typeof auditQuery>) {
  authorize(ctx.principal, 'audit.read');
  const records = query.caseId
    ? await deps.audit.ofCase(ctx.tenantId, query.caseId, query.limit)
    : await deps.audit.ofStaff(ctx.tenantId, query.staffId as string, query.limit);
  return { records: records.map(({ tenantId: _tenant, ...record }) => record) };
}

/** The schedule sends `{}`: every county of the register and the national level, yesterday. An operator may name tenants or a date. */
export const exportRequestSchema = z.object({
  tenants: z.array(tenantIdSchema).min(1).optional(),
  date: ymd.optional(),
});

/**
 * The tenants a run exports: those named, or else every county in the register and the national level
 * (`000000`, where the holiday notice loads are audited), each once, in code order. Read at run time, so a
 * county applied without a deploy is exported from its first day.
 */
export async function tenantsToExport(deps: { readonly register: TenantRegister }, requested?: readonly string[]): Promise<string[]> {
  const tenants = requested && requested.length > 0 ? requested : [keys.nationalLevel, ...(await deps.register.tenantIds())];
  return [...new Set(tenants)].sort();
}

const jsonLines = (records: readonly AuditRecord[]): string => records.map((record) => JSON.stringify(record)).join('\n') + (records.length > 0 ? '\n' : '');

/**
 * Primary course: one tenant's audit records of one Shanghai day go to `audit/<tenant>/<date>.jsonl` and
 * its reviews to `reviews/<tenant>/<date>.jsonl`, for the province to collect. Re-running a day rewrites
 * the same objects with the same content (records are append-only).
 */
export async function exportAuditDay(deps: { readonly audit: Pick<AuditLog, 'ofDay'>; readonly exports: ExportStore }, tenantId: string, date: string) {
  const records = await deps.audit.ofDay(tenantId, date);
  const reviews = records.filter((record) => record.action === 'ReviewSubmitted');
  await deps.exports.put(`audit/${tenantId}/${date}.jsonl`, jsonLines(records));
  await deps.exports.put(`reviews/${tenantId}/${date}.jsonl`, jsonLines(reviews));
  return {
    tenantId,
    date,
    auditRecords: records.length,
    reviews: reviews.length,
    objects: [`audit/${tenantId}/${date}.jsonl`, `reviews/${tenantId}/${date}.jsonl`],
  };
}

/** The scheduled run exports yesterday (Shanghai) unless a date is given. */
export const exportDateOf = (requested: string | undefined, clock: Clock): string =>
  requested ?? shanghaiDate(new Date(clock.now().getTime() - 86_400_000).toISOString());
