import { idempotentRequests, publishTo, putItems, readTable, startWorkflow, stopWorkflow, writeBucket } from '../access';
import { certificatesBucket } from '../buckets';
import { caseEventsTopic } from '../topics';
import { acceptanceTimer, approvalWorkflow } from '../workflows';
import type { FunctionDefinition } from './definition';

/**
 * The functions of intake (受理): applying, the window's acceptance, deemed acceptance, resubmission,
 * the applicant's cases, post-verification of commitments, and the relay of the case timeline (the outbox).
 * A case changes by putting its next revision (on a condition) and its events, so intake only ever puts.
 */
export const intakeFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'CreateCase',
    context: 'intake',
    entry: 'functions/intake/create-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases', audience: 'citizen' },
    access: [readTable, putItems, idempotentRequests, startWorkflow(acceptanceTimer)],
  },
  {
    id: 'FileCaseAtWindow',
    context: 'intake',
    // the same use case as an online application, for a window clerk filing for a walk-in applicant (one route, one audience)
    entry: 'functions/intake/create-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/workbench/cases', audience: 'staff' },
    access: [readTable, putItems, idempotentRequests, startWorkflow(acceptanceTimer)],
  },
  {
    id: 'GetCaseForStaff',
    context: 'intake',
    entry: 'functions/intake/get-case/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/workbench/cases/{caseId}', audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'ListExaminationQueue',
    context: 'intake',
    entry: 'functions/intake/list-examination-queue/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/workbench/examination-queue', audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'ListHandoverQueue',
    context: 'intake',
    entry: 'functions/intake/list-handover-queue/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/workbench/handover-queue', audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'ListOpenCases',
    context: 'intake',
    // the cases and their tasks are intake's to read; the route sits with supervision's, whose role it serves
    entry: 'functions/intake/list-open-cases/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/supervision/cases', audience: 'staff' },
    access: [readTable],
  },
  {
    id: 'LookUpCaseProgress',
    context: 'intake',
    entry: 'functions/intake/look-up-progress/handler.ts',
    // POST: the receipt's query code is a secret of the applicant and stays out of URLs that access logs record
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/case-progress', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'GetCase',
    context: 'intake',
    entry: 'functions/intake/get-case/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/cases/{caseId}', audience: 'citizen' },
    access: [readTable],
  },
  {
    id: 'DecideAcceptance',
    context: 'intake',
    entry: 'functions/intake/decide-acceptance/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/acceptance', audience: 'staff' },
    access: [readTable, putItems, idempotentRequests, startWorkflow(approvalWorkflow), stopWorkflow(acceptanceTimer), writeBucket(certificatesBucket)],
  },
  {
    id: 'ResubmitCase',
    context: 'intake',
    entry: 'functions/intake/resubmit-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/resubmission', audience: 'citizen' },
    access: [readTable, putItems, idempotentRequests, startWorkflow(acceptanceTimer)],
  },
  {
    id: 'DeemAcceptance',
    context: 'intake',
    entry: 'functions/intake/deem-acceptance/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'AcceptanceTimer', definitionPlaceholder: 'DeemAcceptanceFunctionArn' },
    access: [readTable, putItems, startWorkflow(approvalWorkflow), writeBucket(certificatesBucket)],
  },
  {
    id: 'RelayCaseEvents',
    context: 'intake',
    entry: 'functions/intake/relay-case-events/handler.ts',
    // the outbox: every timeline event was written in the same transaction as its state change
    trigger: { kind: 'tableStream', batchSize: 100, filter: { eventName: 'INSERT', entities: ['CaseEvent'] } },
    access: [publishTo(caseEventsTopic)],
    timeoutSeconds: 60,
  },
  {
    id: 'VerifyCommitment',
    context: 'intake',
    entry: 'functions/intake/verify-commitment/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/post-verification', audience: 'staff' },
    access: [readTable, putItems, idempotentRequests],
  },
  {
    id: 'ListMyCases',
    context: 'intake',
    entry: 'functions/intake/list-my-cases/handler.ts',
    // the applicant is the signed-in account: nothing identifies them in the request itself
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/my-cases', audience: 'citizen' },
    access: [readTable],
  },
];
