/**
 * What the event chain should have done for a case and did not (issue 16): the reconciler's rules, pure. Each finding
 * names the repair that re-drives the chain; the repairs are all ones the chain itself would make, and all harmless to
 * repeat (consumers de-duplicate by event id, workflow starts are named, the join concludes once).
 *
 * Nothing younger than the grace period is judged: a case completed a second ago is still getting its certificate. Nothing
 * older than the look-back is judged either: the consumers' marks expire (the counters' after 30 days), and an event
 * redelivered after its mark is gone would be counted twice.
 */

import type { CaseEvent } from '../../kernel/events/case-events';

export type RepairKind =
  /** A timeline event no consumer marked as applied (the supervision counters and the audit trail mark every one): re-published. */
  | 'event-redelivered'
  /** A completed case without its completion notice or its certificate: its `CaseCompleted` re-published. */
  | 'completion-redelivered'
  /** Every department answered (or one denied) and the case is still in approval: the join run. */
  | 'approval-joined'
  /** Accepted, and no approval workflow runs: started again (named after the case, so a running one is kept). */
  | 'approval-resumed'
  /** Waiting for the acceptance decision without its deemed-acceptance timer: armed again. */
  | 'acceptance-timer-armed';

export interface Repair {
  readonly kind: RepairKind;
  readonly caseId: string;
  /** The event a redelivery re-publishes. */
  readonly event?: CaseEvent;
}

/** What the survey read of one case: its state, its timeline, and the marks its consumers left. */
export interface CaseFacts {
  readonly tenantId: string;
  readonly caseId: string;
  readonly status: string;
  /** When the case entered its status (accepted, received, …): the age its own repairs are judged by. */
  readonly statusSince: string;
  readonly timeline: readonly CaseEvent[];
  /** Timeline events the supervision consumer applied (its mark, written with the audit record). */
  readonly appliedEventIds: ReadonlySet<string>;
  readonly certificateIssued: boolean;
  /** 容缺: materials still owed, which hold the certificate back by rule. */
  readonly awaitingDeferredMaterials: boolean;
  /** In approval: every department task decided, or one denied (the join would conclude). */
  readonly approvalJoinable: boolean;
  /** When the last department decision was made, if any. */
  readonly lastDecisionAt?: string;
  /** Whether the case's timer or workflow (as its status needs) runs; undefined when the status needs none. */
  readonly clockRunning?: boolean;
}

const COMPLETION_NOTICE_SUFFIX = '~N';

/** How far back and how recently the reconciler judges. */
export interface ReconcileWindow {
  /** Younger than this, work may still be on its way: not judged. */
  readonly graceMs: number;
  /** Older than this, not judged (must stay well inside the consumers' 30-day marks). */
  readonly lookbackMs: number;
}

export const DEFAULT_WINDOW: ReconcileWindow = { graceMs: 5 * 60_000, lookbackMs: 7 * 86_400_000 };

/** The repairs one case needs at `now`, judged only on what is older than the grace period and inside the look-back. */
export function repairsOf(facts: CaseFacts, now: string, window: ReconcileWindow = DEFAULT_WINDOW): Repair[] {
  const age = (at: string) => Date.parse(now) - Date.parse(at);
  const pastGrace = (at: string | undefined) => at !== undefined && age(at) >= window.graceMs;
  // an event is judged by its consumers' marks only while they last
  const settled = (at: string | undefined) => pastGrace(at) && age(at as string) <= window.lookbackMs;
  const repairs: Repair[] = [];
  const recorded = new Set(facts.timeline.map((event) => event.eventId));
  const completion = facts.timeline.find((event) => event.type === 'CaseCompleted');
  const completionUnfinished =
    completion !== undefined &&
    settled(completion.at) &&
    (!recorded.has(`${completion.eventId}${COMPLETION_NOTICE_SUFFIX}`) ||
      (facts.status === 'completed' && !facts.certificateIssued && !facts.awaitingDeferredMaterials));
  if (completion && completionUnfinished) repairs.push({ kind: 'completion-redelivered', caseId: facts.caseId, event: completion });
  for (const event of facts.timeline) {
    if (event === completion && completionUnfinished) continue;
    if (settled(event.at) && !facts.appliedEventIds.has(event.eventId)) repairs.push({ kind: 'event-redelivered', caseId: facts.caseId, event });
  }
  if (facts.status === 'in_approval' && facts.approvalJoinable && pastGrace(facts.lastDecisionAt)) {
    repairs.push({ kind: 'approval-joined', caseId: facts.caseId });
  } else if ((facts.status === 'accepted' || facts.status === 'in_approval') && facts.clockRunning === false && pastGrace(facts.statusSince)) {
    repairs.push({ kind: 'approval-resumed', caseId: facts.caseId });
  }
  if (facts.status === 'submitted' && facts.clockRunning === false && pastGrace(facts.statusSince)) {
    repairs.push({ kind: 'acceptance-timer-armed', caseId: facts.caseId });
  }
  return repairs;
}
