import type { Case, CaseEvent } from '../../intake/domain/case';

/** A message to the applicant about their case, on one channel. */
export interface Notification {
  readonly caseId: string;
  readonly tenantId: string;
  readonly sourceEventId: string;
  readonly to: { readonly name: string; readonly phone: string };
  readonly text: string;
}

/** Port: a delivery channel (SMS on AWS, an outbox file locally). Throws when delivery failed, so the queue retries. */
export interface NotificationChannel {
  readonly name: string;
  send(notification: Notification): Promise<void>;
}

const texts: Partial<Record<CaseEvent['type'], (current: Case, event: CaseEvent) => string>> = {
  SupplementRequested: (current) => `您申请的「${current.itemName}」需补正材料，请查看一次性告知书后一次补齐。`,
  CaseAccepted: (current) => `您申请的「${current.itemName}」已受理，办件编号 ${current.caseId}。`,
  CaseDeemedAccepted: (current) => `您申请的「${current.itemName}」因未在规定时限内告知补正，已视为受理，办件编号 ${current.caseId}。`,
  CaseRejected: (current) => `您申请的「${current.itemName}」不予受理，理由：${current.outcomeReason ?? ''}。如不服，可依法申请行政复议或提起行政诉讼。`,
  CaseReturned: (current) => `您申请的「${current.itemName}」已退件，理由：${current.outcomeReason ?? ''}。`,
  CaseCompleted: (current) => `您申请的「${current.itemName}」已办结，请按选择的方式领取结果。`,
  CaseDenied: (current) => `您申请的「${current.itemName}」未予许可，理由：${current.outcomeReason ?? ''}。如不服，可依法申请行政复议或提起行政诉讼。`,
  ApprovalRevoked: (current) => `您申请的「${current.itemName}」因承诺不实已被撤销许可。`,
};

/** The notice an event calls for, in Chinese, or undefined when the event tells the applicant nothing. Pure. */
export function notificationFor(current: Case, event: CaseEvent): Notification | undefined {
  const text = texts[event.type];
  if (!text) return undefined;
  return {
    caseId: current.caseId,
    tenantId: current.tenantId,
    sourceEventId: event.eventId,
    to: { name: current.applicant.name, phone: current.applicant.phone },
    text: `【通办】${current.applicant.name}：${text(current, event)}`,
  };
}
