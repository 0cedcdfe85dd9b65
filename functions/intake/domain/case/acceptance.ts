/** Acceptance review (受理): accept, refuse (不予受理 or 退件), or deemed accepted when no decision came in time (视为受理). */

import type { PublishedItem } from '../../../catalogue/domain/service-item';
import type { WorkingCalendar } from '../../../domain/calendar';
import type { CaseEvent } from '../../../kernel/events/case-events';
import { InvalidTransitionError, ValidationError } from '../../../shared/errors';
import { deadlineField } from '../../../domain/deadline-field';
import type { Case, CaseTaskRef, DeferredMaterials } from './model';
import { noticeNumber, withNotice } from './notice-number';
import { requireStatus } from './status';

export interface AcceptanceInput {
  readonly tasks: readonly CaseTaskRef[];
  readonly promisedDeadline?: string;
  readonly actor: string;
  /** The acceptance notice (受理通知书) issued with the decision. */
  readonly noticeNo?: string;
  /** 容缺: materials accepted as missing, with the commitment to supply them before release. */
  readonly deferred?: DeferredMaterials;
}

/**
 * What an acceptance routes the case to: a reference to each department task, and the promised
 * deadline, counted from `startedAt` on the tenant's working-day calendar.
 */
export function acceptanceRouting(
  tasks: readonly CaseTaskRef[],
  promisedDays: number,
  startedAt: string,
  calendar: WorkingCalendar,
  onCalendarGap: (year: number) => void,
): Pick<AcceptanceInput, 'tasks' | 'promisedDeadline'> {
  return {
    tasks: tasks.map(({ taskId, deptId, lead }) => ({ taskId, deptId, lead })),
    ...deadlineField('promisedDeadline', startedAt, promisedDays, calendar, onCalendarGap),
  };
}

/**
 * 容缺受理 applies only to materials the item configures as may-be-missing; anything else missing
 * calls for the one-time supplement notice instead.
 */
export function checkDeferrable(item: PublishedItem, materialIds: readonly string[]): void {
  const refused = materialIds.filter((id) => !item.materials.some((material) => material.id === id && material.mayBeMissingAtAcceptance));
  if (refused.length > 0) {
    throw new ValidationError(
      `以下材料不适用容缺受理：${refused.join('、')}`,
      `These materials cannot be missing at acceptance: ${refused.join(', ')}`,
      refused.map((id) => ({ path: 'deferredMaterials', message: `${id} is not a 容缺 material of this item` })),
      'MATERIAL_NOT_DEFERRABLE',
    );
  }
}

/** 受理: the promised time limit starts and the case is routed to its departments. */
export function acceptCase(current: Case, input: AcceptanceInput, now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['submitted'], { zh: '受理', en: 'accept' });
  if (input.tasks.length === 0) {
    throw new InvalidTransitionError('事项未配置审批部门，无法受理', 'The item has no approving department', 'ITEM_WITHOUT_DEPARTMENTS');
  }
  return {
    case: {
      ...current,
      status: 'accepted',
      acceptedAt: now,
      ...(input.promisedDeadline ? { promisedDeadline: input.promisedDeadline } : {}),
      notices: withNotice(current, input.noticeNo ? { noticeNo: input.noticeNo, kind: 'acceptance', issuedAt: now } : undefined),
      ...(input.deferred && input.deferred.materialIds.length > 0 ? { deferredMaterials: input.deferred } : {}),
      tasks: input.tasks,
      updatedAt: now,
      revision: current.revision + 1,
    },
    event: {
      eventId,
      caseId: current.caseId,
      type: 'CaseAccepted',
      at: now,
      actor: input.actor,
      detail: {
        promisedDeadline: input.promisedDeadline,
        departments: input.tasks.map((task) => task.deptId),
        ...(input.deferred && input.deferred.materialIds.length > 0 ? { deferredMaterials: input.deferred.materialIds } : {}),
      },
    },
  };
}

/** 不予受理 or 退件, each with its reason. */
export function refuseCase(
  current: Case,
  kind: 'reject' | 'return',
  reason: string,
  actor: string,
  now: string,
  eventId: string,
): { case: Case; event: CaseEvent } {
  requireStatus(current, ['submitted'], kind === 'reject' ? { zh: '不予受理', en: 'reject' } : { zh: '退件', en: 'return' });
  return {
    case: {
      ...current,
      status: kind === 'reject' ? 'rejected' : 'returned',
      outcomeReason: reason,
      notices: withNotice(current, {
        noticeNo: noticeNumber(kind === 'reject' ? 'rejection' : 'return', current.tenantId, current.caseId, now),
        kind: kind === 'reject' ? 'rejection' : 'return',
        issuedAt: now,
        reason,
      }),
      updatedAt: now,
      revision: current.revision + 1,
    },
    event: { eventId, caseId: current.caseId, type: kind === 'reject' ? 'CaseRejected' : 'CaseReturned', at: now, actor, detail: { reason } },
  };
}

/**
 * 视为受理: no decision within the notice window, so the case is accepted, dated from the day the
 * complete application was received; the notice stage is recorded as overdue (环节超时).
 */
export function deemAccepted(current: Case, input: AcceptanceInput, noticeDeadline: string, now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['submitted'], { zh: '视为受理', en: 'deem accepted' });
  const acceptedAt = current.receivedAt ?? current.createdAt;
  const accepted = acceptCase(current, input, acceptedAt, eventId);
  return {
    case: { ...accepted.case, deemedAccepted: true, updatedAt: now },
    event: {
      ...accepted.event,
      type: 'CaseDeemedAccepted',
      at: now,
      actor: 'system',
      detail: { ...accepted.event.detail, acceptedAt, noticeDeadline, noticeStageOverdue: true },
    },
  };
}
