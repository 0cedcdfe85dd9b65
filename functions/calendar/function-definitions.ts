import type { FunctionDefinition } from '../../infra/definitions/functions';

/**
 * The public reads of the national holiday notices, to be spread into `functionDefinitions`
 * (infra/definitions/functions.ts). Loading is an operator command, not a route, so these only read.
 * They deploy with the catalogue's construct, which serves the other calendar route (deadline).
 */
export const calendarFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ListHolidayNotices',
    context: 'catalogue',
    entry: 'functions/calendar/list-notices/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar/notices' },
    access: ['table:read'],
  },
  {
    id: 'ListHolidayNoticeVersions',
    context: 'catalogue',
    entry: 'functions/calendar/list-notice-versions/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar/notices/{year}/versions' },
    access: ['table:read'],
  },
  {
    id: 'RecomputeDeadlines',
    context: 'catalogue',
    entry: 'functions/calendar/recompute-deadlines/handler.ts',
    // one county per message; a county's pass may take minutes, so one message at a time with the longest timeout
    trigger: { kind: 'queue', queueId: 'DeadlineRecomputeQueue', batchSize: 1 },
    access: ['table:read', 'table:write', 'approval:callback', 'queue:consume:DeadlineRecomputeQueue', 'queue:send:DeadlineRecomputeQueue'],
    timeoutSeconds: 900,
  },
];
