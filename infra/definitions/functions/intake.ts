import { publishTo, readTable, startWorkflow, writeBucket, writeTable } from '../access';
import { certificatesBucket } from '../buckets';
import { caseEventsTopic } from '../topics';
import { acceptanceTimer, approvalWorkflow } from '../workflows';
import type { FunctionDefinition } from './definition';

/**
 * The functions of intake (受理): applying, the window's acceptance, deemed acceptance, resubmission,
 * the applicant's cases, post-verification of commitments, and the relay of the case timeline (the outbox).
 */
export const intakeFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'CreateCase',
    context: 'intake',
    entry: 'functions/intake/create-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases' },
    access: [readTable, writeTable, startWorkflow(acceptanceTimer)],
  },
  {
    id: 'GetCase',
    context: 'intake',
    entry: 'functions/intake/get-case/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/cases/{caseId}' },
    access: [readTable],
  },
  {
    id: 'DecideAcceptance',
    context: 'intake',
    entry: 'functions/intake/decide-acceptance/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/acceptance', audience: 'staff' },
    access: [readTable, writeTable, startWorkflow(approvalWorkflow), writeBucket(certificatesBucket)],
  },
  {
    id: 'ResubmitCase',
    context: 'intake',
    entry: 'functions/intake/resubmit-case/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/cases/{caseId}/resubmission' },
    access: [readTable, writeTable, startWorkflow(acceptanceTimer)],
  },
  {
    id: 'DeemAcceptance',
    context: 'intake',
    entry: 'functions/intake/deem-acceptance/handler.ts',
    trigger: { kind: 'stateMachineTask', workflow: 'AcceptanceTimer', definitionPlaceholder: 'DeemAcceptanceFunctionArn' },
    access: [readTable, writeTable, startWorkflow(approvalWorkflow), writeBucket(certificatesBucket)],
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
    access: [readTable, writeTable],
  },
  {
    id: 'ListMyCases',
    context: 'intake',
    entry: 'functions/intake/list-my-cases/handler.ts',
    // POST: the applicant's ID number travels in the body, never in a URL that access logs record
    trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/my-cases' },
    access: [readTable],
  },
];
