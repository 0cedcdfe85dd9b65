import { consumeQueue, putItems, readTable, updateItems, writeAuditTrail, writeBucket } from '../access';
import { auditExportBucket } from '../buckets';
import { supervisionQueue } from '../queues';
import type { FunctionDefinition } from './definition';

const tenant = '/v1/tenants/{tenantId}';

/**
 * The functions of supervision (电子监察): the counters and audit consumer, the dashboards, the staff
 * figures, the audit query, the daily export and the daily check that the holiday calendar does not run out.
 */
export const supervisionFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ApplySupervisionEvents',
    context: 'supervision',
    entry: 'functions/supervision/apply-events/handler.ts',
    trigger: { kind: 'queue', queue: supervisionQueue, batchSize: 10 },
    // the one audit writer among the functions: each event's audit record is put with its counter updates
    access: [readTable, putItems, updateItems, writeAuditTrail, consumeQueue(supervisionQueue)],
    timeoutSeconds: 60,
  },
  {
    id: 'GetSupervisionDashboard',
    context: 'supervision',
    entry: 'functions/supervision/get-dashboard/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/supervision/dashboard`, audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'GetStaffMonthly',
    context: 'supervision',
    entry: 'functions/supervision/get-staff-monthly/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/staff/{staffId}/monthly`, audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'QueryAudit',
    context: 'supervision',
    entry: 'functions/supervision/query-audit/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/audit`, audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'ExportAudit',
    context: 'supervision',
    entry: 'functions/supervision/export-audit/handler.ts',
    // 00:30 in Shanghai (16:30 UTC): yesterday is complete. No tenant list: the export reads the county register
    // from the table, so a county applied without a deploy is exported too (and the national level 000000)
    trigger: { kind: 'schedule', cron: { minute: '30', hour: '16' }, input: {} },
    access: [readTable, writeBucket(auditExportBucket)],
    timeoutSeconds: 300,
  },
  {
    id: 'CheckCalendar',
    context: 'supervision',
    entry: 'functions/supervision/check-calendar/handler.ts',
    // 08:00 in Shanghai (00:00 UTC): the alarm it feeds is seen at the start of the working day
    trigger: { kind: 'schedule', cron: { minute: '0', hour: '0' }, input: {} },
    // the loaded holiday notices are read from the table; nothing is written
    access: [readTable],
  },
];
