import { idempotentRequests, publishTo, putItems, readTable } from '../access';
import { caseEventsTopic } from '../topics';
import type { FunctionDefinition } from './definition';

const tenant = '/v1/tenants/{tenantId}';

/** The functions of reviews (好差评), complaints and the rectification ledger (台账), and the relay of their outboxes. */
export const reviewFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'SubmitReview',
    context: 'reviews',
    entry: 'functions/reviews/submit-review/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${tenant}/cases/{caseId}/reviews`, audience: 'citizen' },
    access: [readTable, putItems, idempotentRequests],
  },
  {
    id: 'ListCaseReviews',
    context: 'reviews',
    entry: 'functions/reviews/list-reviews/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/cases/{caseId}/reviews`, audience: 'citizen' },
    access: [readTable],
  },
  {
    id: 'FileComplaint',
    context: 'reviews',
    entry: 'functions/reviews/file-complaint/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${tenant}/complaints`, audience: 'public' },
    access: [readTable, putItems, idempotentRequests],
  },
  {
    id: 'ListRectifications',
    context: 'reviews',
    entry: 'functions/reviews/list-rectifications/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/rectifications`, audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'GetRectification',
    context: 'reviews',
    entry: 'functions/reviews/get-rectification/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: `${tenant}/rectifications/{rectificationId}`, audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'RecordRectificationStep',
    context: 'reviews',
    entry: 'functions/reviews/record-rectification-step/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: `${tenant}/rectifications/{rectificationId}/steps`, audience: 'staff' },
    access: [readTable, putItems, idempotentRequests],
  },
  {
    id: 'RelayReviewEvents',
    context: 'reviews',
    entry: 'functions/reviews/relay-review-events/handler.ts',
    // the outboxes of reviews, the ledger and the national calendar, relayed like case events (the stream's second and last reader)
    trigger: { kind: 'tableStream', batchSize: 100, filter: { eventName: 'INSERT', entities: ['ReviewEvent', 'CalendarEvent'] } },
    access: [publishTo(caseEventsTopic)],
    timeoutSeconds: 60,
  },
];
