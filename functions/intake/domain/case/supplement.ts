/** Supplement (补正): the one-time notice of what is missing, and the applicant's resubmission that completes the application. */

import type { CaseEvent } from '../../../kernel/events/case-events';
import { InvalidTransitionError } from '../../../shared/errors';
import type { Case, CaseNotice, SupplementItem } from './model';
import { noticeNumber, withNotice } from './notice-number';
import { requireStatus } from './status';

/**
 * 一次性告知: ONE notice listing every missing or defective material with its reason. A second
 * notice would break the rule, so it is refused; the window must list everything the first time.
 */
export function requestSupplement(
  current: Case,
  items: readonly SupplementItem[],
  actor: string,
  now: string,
  eventId: string,
): { case: Case; event: CaseEvent; notice: CaseNotice } {
  requireStatus(current, ['submitted'], { zh: '发出补正通知', en: 'request a supplement' });
  if ((current.notices ?? []).some((notice) => notice.kind === 'supplement')) {
    throw new InvalidTransitionError(
      '本件已一次性告知过补正材料，不得再次要求补正',
      'A one-time supplement notice was already issued for this case',
      'SUPPLEMENT_ALREADY_NOTIFIED',
    );
  }
  const notice: CaseNotice = { noticeNo: noticeNumber('supplement', current.tenantId, current.caseId, now), kind: 'supplement', issuedAt: now, items };
  return {
    case: { ...current, status: 'supplement_requested', notices: withNotice(current, notice), updatedAt: now, revision: current.revision + 1 },
    event: {
      eventId,
      caseId: current.caseId,
      type: 'SupplementRequested',
      at: now,
      actor,
      detail: { noticeNo: notice.noticeNo, materials: items.map((item) => item.materialId) },
    },
    notice,
  };
}

/** The applicant supplied what the notice listed: the application is complete as of now, and review starts again. */
export function resubmitCase(
  current: Case,
  formData: Readonly<Record<string, unknown>> | undefined,
  now: string,
  eventId: string,
): { case: Case; event: CaseEvent } {
  requireStatus(current, ['supplement_requested'], { zh: '补正后重新提交', en: 'resubmit' });
  return {
    case: {
      ...current,
      status: 'submitted',
      receivedAt: now,
      ...(formData ? { formData: { ...current.formData, ...formData } } : {}),
      updatedAt: now,
      revision: current.revision + 1,
    },
    event: { eventId, caseId: current.caseId, type: 'CaseResubmitted', at: now, actor: 'applicant', detail: { receivedAt: now } },
  };
}
