import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionDefinition } from '../../infra/definitions/functions';

const tenant = '/v1/tenants/{tenantId}';

/** The counties a deploy onboards (config/tenants/<code>.yaml) are the ones the daily export covers. */
const onboardedTenants = readdirSync(join(__dirname, '..', '..', 'config', 'tenants'))
  .map((file) => /^(\d{6})\.(ya?ml|json)$/.exec(file)?.[1])
  .filter((code): code is string => code !== undefined)
  .sort();

/**
 * The functions of supervision (电子监察): the counters and audit consumer, the dashboards, the staff
 * figures, the audit query, the daily export and the daily check that the holiday calendar does not run
 * out. To be spread into `functionDefinitions`.
 */
export const supervisionFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ApplySupervisionEvents',
    context: 'supervision',
    entry: 'functions/supervision/apply-events/handler.ts',
    trigger: { kind: 'queue', queueId: 'SupervisionQueue', batchSize: 10 },
    access: ['table:read', 'table:write', 'queue:consume:SupervisionQueue'],
    timeoutSeconds: 60,
  },
  {
    id: 'GetSupervisionDashboard',
    context: 'supervision',
    entry: 'functions/supervision/get-dashboard/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/supervision/dashboard`, audience: 'staff' },
    access: ['table:read'],
  },
  {
    id: 'GetStaffMonthly',
    context: 'supervision',
    entry: 'functions/supervision/get-staff-monthly/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/staff/{staffId}/monthly`, audience: 'staff' },
    access: ['table:read'],
  },
  {
    id: 'QueryAudit',
    context: 'supervision',
    entry: 'functions/supervision/query-audit/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/audit`, audience: 'staff' },
    access: ['table:read'],
  },
  {
    id: 'ExportAudit',
    context: 'supervision',
    entry: 'functions/supervision/export-audit/handler.ts',
    // 00:30 in Shanghai (16:30 UTC): yesterday is complete
    trigger: { kind: 'schedule', cron: { minute: '30', hour: '16' }, input: { tenants: onboardedTenants } },
    access: ['table:read', 'bucket:write:AuditExportBucket'],
    timeoutSeconds: 300,
  },
  {
    id: 'CheckCalendar',
    context: 'supervision',
    entry: 'functions/supervision/check-calendar/handler.ts',
    // 08:00 in Shanghai (00:00 UTC): the alarm it feeds is seen at the start of the working day
    trigger: { kind: 'schedule', cron: { minute: '0', hour: '0' }, input: {} },
    // the loaded holiday notices are read from the table; nothing is written
    access: ['table:read'],
  },
];
