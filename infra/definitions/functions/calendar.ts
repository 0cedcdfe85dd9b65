import { answerWorkflow, consumeQueue, readTable, sendToQueue, writeTable } from '../access';
import { deadlineRecomputeQueue } from '../queues';
import { approvalWorkflow } from '../workflows';
import type { FunctionDefinition } from './definition';

/**
 * The functions of the national calendar (functions/calendar): the public reads of the holiday notices
 * and the recomputation of open deadlines after a load. Loading is an operator command, not a route.
 * They deploy with the catalogue's construct, which serves the other calendar route (deadline).
 */
export const calendarFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ListHolidayNotices',
    context: 'catalogue',
    entry: 'functions/calendar/list-notices/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar/notices' },
    access: [readTable],
  },
  {
    id: 'ListHolidayNoticeVersions',
    context: 'catalogue',
    entry: 'functions/calendar/list-notice-versions/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/calendar/notices/{year}/versions' },
    access: [readTable],
  },
  {
    id: 'RecomputeDeadlines',
    context: 'catalogue',
    entry: 'functions/calendar/recompute-deadlines/handler.ts',
    // one county per message; a county's pass may take minutes, so one message at a time with the longest timeout
    trigger: { kind: 'queue', queue: deadlineRecomputeQueue, batchSize: 1 },
    access: [readTable, writeTable, answerWorkflow(approvalWorkflow), consumeQueue(deadlineRecomputeQueue), sendToQueue(deadlineRecomputeQueue)],
    timeoutSeconds: 900,
  },
];
