import { observeWorkflow, publishTo, putItems, readTable, startWorkflow, updateItems } from '../access';
import { caseEventsTopic } from '../topics';
import { acceptanceTimer, approvalWorkflow } from '../workflows';
import type { FunctionDefinition } from './definition';

/** The reconciler (issue 16): what the event chain left undone, found and re-driven on a schedule. */
export const reconciliationFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ReconcileCases',
    context: 'reconciliation',
    entry: 'functions/reconciliation/reconcile-cases/handler.ts',
    // every 15 minutes: a lost event costs at most that long (plus the 5-minute grace) before it is re-driven
    trigger: { kind: 'schedule', cron: { minute: '0/15', hour: '*' }, input: {} },
    access: [
      readTable,
      // the repair's own timeline record, and the join's task and case changes
      putItems,
      updateItems,
      publishTo(caseEventsTopic),
      startWorkflow(approvalWorkflow),
      startWorkflow(acceptanceTimer),
      observeWorkflow(approvalWorkflow),
      observeWorkflow(acceptanceTimer),
    ],
    timeoutSeconds: 300,
  },
];
