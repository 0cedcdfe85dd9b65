import type { CaseEvent } from '../../functions/kernel/events/case-events';
import { type CaseFacts, repairsOf } from '../../functions/reconciliation/domain/findings';

const NOW = '2026-12-03T08:00:00.000Z';
const window = { graceMs: 5 * 60_000, lookbackMs: 7 * 86_400_000 };
const minutesAgo = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
const event = (eventId: string, type: CaseEvent['type'], at: string): CaseEvent => ({ eventId, caseId: 'C1', type, at, actor: 'system', detail: {} });

const aCase = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  tenantId: '522732',
  caseId: 'C1',
  status: 'in_approval',
  statusSince: minutesAgo(60),
  timeline: [],
  appliedEventIds: new Set(),
  certificateIssued: false,
  awaitingDeferredMaterials: false,
  approvalJoinable: false,
  clockRunning: true,
  ...overrides,
});

describe('given the reconciler’s rules', () => {
  describe('when a completed case has no certificate and no completion notice an hour after completing', () => {
    const completed = event('E-DONE', 'CaseCompleted', minutesAgo(60));
    it('then its CaseCompleted is re-published once (both consumers take it from one publication)', () => {
      const repairs = repairsOf(
        aCase({ status: 'completed', timeline: [completed], appliedEventIds: new Set(['E-DONE']), clockRunning: undefined }),
        NOW,
        window,
      );
      expect(repairs).toEqual([{ kind: 'completion-redelivered', caseId: 'C1', event: completed }]);
    });
    it('then nothing is done while 容缺 materials still hold the certificate back and the notice was sent', () => {
      const notice = event('E-DONE~N', 'NotificationSent', minutesAgo(59));
      const facts = aCase({
        status: 'completed',
        timeline: [completed, notice],
        appliedEventIds: new Set(['E-DONE', 'E-DONE~N']),
        awaitingDeferredMaterials: true,
        clockRunning: undefined,
      });
      expect(repairsOf(facts, NOW, window)).toEqual([]);
    });
  });

  describe('when it completed a minute ago', () => {
    it('then nothing is judged yet: the certificate may be on its way', () => {
      const facts = aCase({ status: 'completed', timeline: [event('E-DONE', 'CaseCompleted', minutesAgo(1))], clockRunning: undefined });
      expect(repairsOf(facts, NOW, window)).toEqual([]);
    });
  });

  describe('when a timeline event has no supervision mark', () => {
    it('then it is re-published if it is past the grace period and inside the look-back, and not otherwise', () => {
      const timeline = [
        event('E-OLD', 'CaseSubmitted', minutesAgo(8 * 24 * 60)),
        event('E-LOST', 'CaseAccepted', minutesAgo(30)),
        event('E-NEW', 'ApprovalStarted', minutesAgo(1)),
      ];
      expect(repairsOf(aCase({ timeline }), NOW, window)).toEqual([{ kind: 'event-redelivered', caseId: 'C1', event: timeline[1] }]);
    });
  });

  describe('when every department answered ten minutes ago and the case is still in approval', () => {
    it('then the join is run, and the workflow is not restarted as well', () => {
      expect(repairsOf(aCase({ approvalJoinable: true, lastDecisionAt: minutesAgo(10), clockRunning: undefined }), NOW, window)).toEqual([
        { kind: 'approval-joined', caseId: 'C1' },
      ]);
    });
  });

  describe('when an accepted case has no running workflow, or a waiting one no timer', () => {
    it('then the workflow is started again, and the timer armed again', () => {
      expect(repairsOf(aCase({ status: 'accepted', clockRunning: false }), NOW, window)).toEqual([{ kind: 'approval-resumed', caseId: 'C1' }]);
      expect(repairsOf(aCase({ status: 'submitted', clockRunning: false }), NOW, window)).toEqual([{ kind: 'acceptance-timer-armed', caseId: 'C1' }]);
    });
    it('then nothing when they run', () => {
      expect(repairsOf(aCase({ status: 'accepted', clockRunning: true }), NOW, window)).toEqual([]);
      expect(repairsOf(aCase({ status: 'submitted', clockRunning: true }), NOW, window)).toEqual([]);
    });
  });
});
