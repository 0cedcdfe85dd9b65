import type { Case, CaseEvent } from '../../intake/domain/case';

/** Staff are reached by role (and department or supervision level), the way offices subscribe to alerts. */
export interface StaffRecipient {
  readonly role: 'handler' | 'department_head' | 'supervisor' | 'window';
  readonly windowId?: string;
  readonly staffId?: string;
  readonly deptId?: string;
  readonly level?: string;
  readonly office?: string;
}

/** A message about a case, to the applicant or to staff, on one channel. */
export interface Notification {
  readonly caseId: string;
  readonly tenantId: string;
  readonly sourceEventId: string;
  readonly to: { readonly name: string; readonly phone: string } | { readonly staff: StaffRecipient };
  readonly text: string;
}

export const isForStaff = (notification: Notification): notification is Notification & { to: { staff: StaffRecipient } } => 'staff' in notification.to;

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
  DepartmentTaskSuspended: (current, event) =>
    event.detail.procedure === '补正'
      ? `您申请的「${current.itemName}」审批部门要求补充材料：${String(event.detail.reason ?? '')}。请在 ${String(event.detail.expectedDays)} 个工作日内补齐。`
      : `您申请的「${current.itemName}」进入${String(event.detail.procedure)}环节（预计 ${String(event.detail.expectedDays)} 个工作日），该时间依法不计入办理时限。`,
};

const ladderLabel: Record<string, string> = { county: '县级', city: '市级', province: '省级' };

/** The staff text of an escalation: what turned, which task, and the new handling deadline if one was set. */
function escalationText(current: Case, event: CaseEvent, recipient: StaffRecipient): string {
  const dept = String(event.detail.deptId);
  const what =
    event.detail.light === 'yellow'
      ? `办件 ${current.caseId}（${current.itemName}）在 ${dept} 的审批环节即将到期（黄灯），请抓紧办理。`
      : `办件 ${current.caseId}（${current.itemName}）在 ${dept} 的审批环节已超期（红灯），已提请${ladderLabel[String(recipient.level ?? '')] ?? ''}${recipient.office ?? '督办'}。`;
  const deadline = typeof event.detail.supervisionDeadline === 'string' ? `督办办理期限：${event.detail.supervisionDeadline.slice(0, 10)}。` : '';
  return `【通办督办】${what}${deadline}`;
}

/**
 * The staff an event concerns: the recipients an escalation named, and the receiving window of a
 * completed case, which hands the result out within 3 working days (seed 004 art.12–13). Pure.
 */
export function staffNotificationsFor(current: Case, event: CaseEvent): Notification[] {
  if (event.type === 'CaseCompleted' && current.window) {
    const { windowId, clerk } = current.window;
    return [
      {
        caseId: current.caseId,
        tenantId: current.tenantId,
        sourceEventId: event.eventId,
        to: { staff: { role: 'window', windowId, staffId: clerk } },
        text: `【通办出件】办件 ${current.caseId}（${current.itemName}）已办结，请在3个工作日内按申请人选择的方式（窗口领取或邮寄）出件。`,
      },
    ];
  }
  if (event.type !== 'DepartmentTaskEscalated' || !Array.isArray(event.detail.notify)) return [];
  return (event.detail.notify as StaffRecipient[]).map((recipient) => ({
    caseId: current.caseId,
    tenantId: current.tenantId,
    sourceEventId: event.eventId,
    to: { staff: recipient },
    text: escalationText(current, event, recipient),
  }));
}

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
