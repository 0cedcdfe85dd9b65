import { shanghaiDate } from '../../domain/calendar';
import { PROVISIONAL_NOTE } from '../../domain/provisional-note';
import type { Case } from '../../intake/domain/case';
import { type CaseEvent, type DeadlineRecomputedDetail, deadlineRecomputedDetailSchema } from '../../kernel/events/case-events';

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

/** `2027-01-08T23:59:59+08:00` → `2027年1月8日`, as the notices write dates. */
function chineseDate(deadline: string): string {
  const [year, month, day] = shanghaiDate(deadline).split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

/** The detail of a recomputed deadline; one that breaks the contract fails the delivery, so it lands in the DLQ, not in silence. */
function recomputedDetail(event: CaseEvent): DeadlineRecomputedDetail {
  const parsed = deadlineRecomputedDetailSchema.safeParse(event.detail);
  if (!parsed.success)
    throw new Error(
      `DeadlineRecomputed ${event.eventId} does not match its contract: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

const provisionalSuffix = (detail: DeadlineRecomputedDetail): string => (detail.provisional ? `（${PROVISIONAL_NOTE}）` : '');

/**
 * A stage or 督办 handling deadline that a holiday notice brought forward leaves the handler less time
 * than planned, so the one who claimed the task is told, or the department head while nobody has.
 * A later deadline costs nobody anything and tells nobody.
 */
function earlierTaskDeadlineAlerts(current: Case, event: CaseEvent): Notification[] {
  const detail = recomputedDetail(event);
  if ((detail.field !== 'stageDeadline' && detail.field !== 'supervisionDeadline') || detail.moved !== 'earlier' || detail.after === null) return [];
  // an event without the department still names the task, and the case knows the task's department
  const deptId = detail.deptId ?? current.tasks.find((task) => task.taskId === detail.taskId)?.deptId;
  const recipient: StaffRecipient | undefined = detail.claimedBy
    ? { role: 'handler', staffId: detail.claimedBy, ...(deptId ? { deptId } : {}) }
    : deptId
      ? { role: 'department_head', deptId }
      : undefined;
  if (!recipient) return [];
  const where = deptId ? `在 ${deptId} 的` : '的';
  const what = detail.field === 'stageDeadline' ? `${where}审批环节期限` : `${where}督办办理期限`;
  return [
    {
      caseId: current.caseId,
      tenantId: current.tenantId,
      sourceEventId: event.eventId,
      to: { staff: recipient },
      text: `【通办督办】办件 ${current.caseId}（${current.itemName}）${what}因国务院节假日安排公布提前至${chineseDate(detail.after)}，请按新期限办理${provisionalSuffix(detail)}。`,
    },
  ];
}

/**
 * The staff an event concerns: the recipients an escalation named, the receiving window of a
 * completed case, which hands the result out within 3 working days (seed 004 art.12–13), and the
 * handler (or head) of a task whose deadline a holiday notice brought forward. Pure.
 */
export function staffNotificationsFor(current: Case, event: CaseEvent): Notification[] {
  if (event.type === 'DeadlineRecomputed') return earlierTaskDeadlineAlerts(current, event);
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

/**
 * The applicant's text when a holiday notice moved the promised deadline (承诺办结期限), the one date
 * they were promised; the case's other deadlines are internal and tell them nothing. Undefined otherwise,
 * and when the new deadline cannot be counted (there is no date to tell).
 */
function promisedDeadlineText(current: Case, event: CaseEvent): string | undefined {
  const detail = recomputedDetail(event);
  if (detail.field !== 'promisedDeadline' || detail.after === null) return undefined;
  return `您的办件（${current.itemName}，办件编号 ${current.caseId}）承诺办结期限因国务院节假日安排公布调整为${chineseDate(detail.after)}${provisionalSuffix(detail)}。`;
}

/** The notice an event calls for, in Chinese, or undefined when the event tells the applicant nothing. Pure. */
export function notificationFor(current: Case, event: CaseEvent): Notification | undefined {
  const text = event.type === 'DeadlineRecomputed' ? promisedDeadlineText(current, event) : texts[event.type]?.(current, event);
  if (text === undefined) return undefined;
  return {
    caseId: current.caseId,
    tenantId: current.tenantId,
    sourceEventId: event.eventId,
    to: { name: current.applicant.name, phone: current.applicant.phone },
    text: `【通办】${current.applicant.name}：${text}`,
  };
}
