/** The reconciler (issue 16): finds what the event chain left undone and re-drives it, each repair on the case's timeline. */

import type { CaseEvent } from '../kernel/events/case-events';
import type { Clock, IdGenerator } from '../shared/runtime';
import { DEFAULT_WINDOW, type ReconcileWindow, type Repair, type RepairKind, repairsOf } from './domain/findings';
import type { CaseSurvey, RepairActions } from './domain/ports';

export interface ReconciliationDependencies {
  readonly survey: CaseSurvey;
  readonly repairs: RepairActions;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface ReconcileReport {
  readonly checkedAt: string;
  readonly tenants: number;
  readonly casesChecked: number;
  /** Repairs made, by kind: all 0 in a healthy system. */
  readonly repairs: Readonly<Record<RepairKind, number>>;
  readonly repaired: number;
  /** Repairs that failed (the next run tries again), with the case and the reason. */
  readonly failures: readonly { readonly tenantId: string; readonly caseId: string; readonly kind: RepairKind; readonly error: string }[];
}

const noRepairs = (): Record<RepairKind, number> => ({
  'event-redelivered': 0,
  'completion-redelivered': 0,
  'approval-joined': 0,
  'approval-resumed': 0,
  'acceptance-timer-armed': 0,
});

function perform(actions: RepairActions, tenantId: string, repair: Repair): Promise<void> {
  switch (repair.kind) {
    case 'event-redelivered':
    case 'completion-redelivered':
      return actions.redeliver(tenantId, repair.event as CaseEvent);
    case 'approval-joined':
      return actions.joinApproval(tenantId, repair.caseId);
    case 'approval-resumed':
      return actions.resumeApproval(tenantId, repair.caseId);
    case 'acceptance-timer-armed':
      return actions.armAcceptanceTimer(tenantId, repair.caseId);
  }
}

/** The timeline record of a repair: what was done and, for a redelivery, which event, never any personal data. */
const repairEvent = (repair: Repair, eventId: string, at: string): CaseEvent => ({
  eventId,
  caseId: repair.caseId,
  type: 'CaseRepaired',
  at,
  actor: 'system',
  detail: { repair: repair.kind, ...(repair.event ? { eventId: repair.event.eventId, eventType: repair.event.type } : {}) },
});

/**
 * Primary course: every county, every case worth checking; each repair its facts call for is made and recorded. A repair
 * that fails is reported and left for the next run (every repair is harmless to repeat), never stopping the others.
 */
export async function reconcileCases(
  deps: ReconciliationDependencies,
  options: { readonly window?: ReconcileWindow; readonly tenantIds?: readonly string[] } = {},
): Promise<ReconcileReport> {
  const window = options.window ?? DEFAULT_WINDOW;
  const now = deps.clock.now().toISOString();
  const completedSince = new Date(Date.parse(now) - window.lookbackMs).toISOString();
  const tenantIds = options.tenantIds ?? (await deps.survey.tenantIds());
  const repairs = noRepairs();
  const failures: { tenantId: string; caseId: string; kind: RepairKind; error: string }[] = [];
  let casesChecked = 0;
  for (const tenantId of tenantIds) {
    for (const facts of await deps.survey.casesToCheck(tenantId, completedSince)) {
      casesChecked += 1;
      for (const repair of repairsOf(facts, now, window)) {
        try {
          await perform(deps.repairs, tenantId, repair);
          await deps.repairs.record(tenantId, repairEvent(repair, deps.ids.next(), deps.clock.now().toISOString()));
          repairs[repair.kind] += 1;
        } catch (error) {
          failures.push({ tenantId, caseId: repair.caseId, kind: repair.kind, error: (error as Error).message });
        }
      }
    }
  }
  const repaired = Object.values(repairs).reduce((sum, count) => sum + count, 0);
  return { checkedAt: now, tenants: tenantIds.length, casesChecked, repairs, repaired, failures };
}
