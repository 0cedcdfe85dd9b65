/** Supplement (补正): the one-time notice of what is missing, and the applicant's resubmission that completes the application. */

import type { CaseEvent } from '../../../kernel/events/case-events';
import { InvalidTransitionError, ValidationError } from '../../../shared/errors';
import type { PublishedItem } from '../../../catalogue/domain/service-item';
import type { Case, CaseNotice, SupplementItem } from './model';
import { noticeNumber, withNotice } from './notice-number';
import { requireStatus } from './status';

/**
 * The notice may name only materials of the case's item version (seed 004 art.7: nothing the guide does not list may
 * be asked for), each once: checked before the notice is issued, since the case has only the one.
 */
export function checkSupplementItems(item: Pick<PublishedItem, 'code' | 'version' | 'materials'>, items: readonly SupplementItem[]): void {
  const unknown = items.map((entry, index) => ({ entry, index })).filter(({ entry }) => !item.materials.some((material) => material.id === entry.materialId));
  if (unknown.length > 0) {
    throw new ValidationError(
      `事项 ${item.code}（第${item.version}版）的申请材料中没有：${unknown.map(({ entry }) => entry.materialId).join('、')}`,
      `Item ${item.code} v${item.version} asks for no material ${unknown.map(({ entry }) => entry.materialId).join(', ')}`,
      unknown.map(({ index }) => ({ path: `body.items.${index}.materialId`, message: 'not in the material list of the case item version' })),
      'UNKNOWN_MATERIAL',
    );
  }
  const named = items.map((entry) => entry.materialId);
  const repeated = named.filter((id, index) => named.indexOf(id) !== index);
  if (repeated.length > 0) {
    throw new ValidationError(
      `同一材料只能列一次：${[...new Set(repeated)].join('、')}`,
      `Each material may be listed once: ${[...new Set(repeated)].join(', ')}`,
      undefined,
      'DUPLICATE_MATERIAL',
    );
  }
}

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
