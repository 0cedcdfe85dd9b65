import { answerWorkflow, checkItems, consumeQueue, putItems, readTable, sendToQueue, updateItems } from '../access';
import { deadlineRecomputeQueue } from '../queues';
import { approvalWorkflow } from '../workflows';
import type { DeployLoaderDefinition, FunctionDefinition } from './definition';

/**
 * The functions of the national calendar (functions/calendar): the public reads of the holiday notices
 * and the recomputation of open deadlines after a load. Loading is an operator command, not a route
 * (the shipped notices are loaded on deploy, below). They deploy with the catalogue's construct, which
 * serves the other calendar route (deadline).
 */
export const calendarFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ListHolidayNotices',
    context: 'catalogue',
    entry: 'functions/calendar/list-notices/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar/notices', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'ListHolidayNoticeVersions',
    context: 'catalogue',
    entry: 'functions/calendar/list-notice-versions/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar/notices/{year}/versions', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'RecomputeDeadlines',
    context: 'catalogue',
    entry: 'functions/calendar/recompute-deadlines/handler.ts',
    // one county per message; a county's pass may take minutes, so one message at a time with the longest timeout
    trigger: { kind: 'queue', queue: deadlineRecomputeQueue, batchSize: 1 },
    // new revisions and events (put), task deadlines in place (update), releases only while the case is completed (check)
    access: [
      readTable,
      putItems,
      updateItems,
      checkItems,
      answerWorkflow(approvalWorkflow),
      consumeQueue(deadlineRecomputeQueue),
      sendToQueue(deadlineRecomputeQueue),
    ],
    timeoutSeconds: 900,
  },
];

/**
 * On `cdk deploy`: the holiday notices shipped with the code, as the national calendar's initial data (years
 * already loaded are kept). The stack loads them before the tenant configuration (`tenantConfigLoader`).
 */
export const shippedNoticesLoader: DeployLoaderDefinition = {
  id: 'ShippedHolidayNotices',
  entry: 'functions/calendar/load-shipped-notices/handler.ts',
  description: 'Tongban: loads the holiday notices shipped with the code into the table on cdk deploy',
  resourceType: 'Custom::ShippedHolidayNotices',
  // a few years, each one transaction; the margin is for a slow first deploy
  timeoutSeconds: 120,
};
