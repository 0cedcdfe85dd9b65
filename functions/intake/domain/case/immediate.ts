/** Accepted and completed in one step: 即办件 on the spot, and the shared step 告知承诺 completes with. */

import type { PublishedItem } from '../../../catalogue/domain/service-item';
import type { CaseEvent } from '../../../kernel/events/case-events';
import { InvalidTransitionError } from '../../../shared/errors';
import type { Case } from './model';
import { withNotice } from './notice-number';
import { requireStatus } from './status';

/** Accepted and completed in one step (即办件, 告知承诺): one acceptance notice, the result issued at once, no workflow. */
export function completeAtOnce(
  current: Case,
  item: PublishedItem,
  how: { readonly actor: string; readonly noticeNo: string; readonly marker: Record<string, unknown>; readonly extra?: Partial<Case> },
  now: string,
  eventIds: readonly [string, string],
): { case: Case; events: CaseEvent[] } {
  return {
    case: {
      ...current,
      ...how.extra,
      status: 'completed',
      acceptedAt: now,
      completedAt: now,
      notices: withNotice(current, { noticeNo: how.noticeNo, kind: 'acceptance', issuedAt: now }),
      updatedAt: now,
      revision: current.revision + 1,
    },
    events: [
      { eventId: eventIds[0], caseId: current.caseId, type: 'CaseAccepted', at: now, actor: how.actor, detail: { noticeNo: how.noticeNo, ...how.marker } },
      { eventId: eventIds[1], caseId: current.caseId, type: 'CaseCompleted', at: now, actor: how.actor, detail: { ...how.marker, result: item.result.name } },
    ],
  };
}

/** 即办件: the window accepts and decides on the spot; the result is issued at once, with no workflow. */
export function completeOnTheSpot(
  current: Case,
  item: PublishedItem,
  actor: string,
  noticeNo: string,
  now: string,
  eventIds: readonly [string, string],
): { case: Case; events: CaseEvent[] } {
  if (item.handlingKind !== '即办件') {
    throw new InvalidTransitionError('只有即办件可以当场办结', 'Only an immediate item (即办件) can be completed on the spot', 'NOT_AN_IMMEDIATE_ITEM');
  }
  requireStatus(current, ['submitted'], { zh: '当场办结', en: 'complete on the spot' });
  return completeAtOnce(current, item, { actor, noticeNo, marker: { onTheSpot: true } }, now, eventIds);
}
