import { InvalidTransitionError, ValidationError } from '../../shared/errors';
import type { PublishedItem } from '../../catalogue/domain/service-item';
import type { FormField } from '../../catalogue/domain/tenant-config';

/**
 * The case (办件) lifecycle, pure: every transition checks the current status and returns the new
 * case plus the timeline event to store with it, in one transaction.
 */
export type CaseStatus = 'submitted' | 'accepted' | 'in_approval' | 'completed' | 'denied' | 'rejected' | 'returned';

export type Channel = 'online' | 'window';

export interface Applicant {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly phone: string;
}

export interface CaseTaskRef {
  readonly taskId: string;
  readonly deptId: string;
  readonly lead: boolean;
}

export interface Case {
  readonly tenantId: string;
  readonly caseId: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly itemVersion: number;
  readonly channel: Channel;
  readonly applicant: Applicant;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly status: CaseStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly acceptedAt?: string;
  readonly promisedDays: number;
  /** One-time-notice window of the item version (1 or 5 working days from receipt). */
  readonly noticeDays: 1 | 5;
  readonly promisedDeadline?: string;
  readonly approvalStartedAt?: string;
  readonly completedAt?: string;
  readonly outcomeReason?: string;
  readonly tasks: readonly CaseTaskRef[];
  /** Optimistic lock: every stored change increments it and is conditional on the previous value. */
  readonly revision: number;
}

/** Timeline event types, named `<Resource><PastTense>`; each has a fixture in events/ and a schema in schemas/. */
export const caseEventTypes = [
  'CaseSubmitted',
  'CaseAccepted',
  'CaseRejected',
  'CaseReturned',
  'ApprovalStarted',
  'DepartmentTaskAssigned',
  'DepartmentTaskReissued',
  'DepartmentTaskEscalated',
  'DepartmentTaskDecided',
  'CaseCompleted',
  'CaseDenied',
] as const;

export type CaseEventType = (typeof caseEventTypes)[number];

export interface CaseEvent {
  readonly eventId: string;
  readonly caseId: string;
  readonly type: CaseEventType;
  readonly at: string;
  readonly actor: string;
  /** Non-personal facts about the step (never ID numbers or phone numbers). */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface NewCaseInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly item: PublishedItem;
  readonly channel: Channel;
  readonly applicant: Applicant;
  readonly formData: Readonly<Record<string, unknown>>;
}

function missingRequiredFields(rules: readonly FormField[], formData: Readonly<Record<string, unknown>>) {
  return rules.filter((rule) => rule.required && (formData[rule.key] === undefined || formData[rule.key] === ''));
}

/** Opens a case under the item's current version; refuses a form that lacks required fields. */
export function submitCase(input: NewCaseInput, now: string, eventId: string): { case: Case; event: CaseEvent } {
  const missing = missingRequiredFields(input.item.formFields, input.formData);
  if (missing.length > 0) {
    throw new ValidationError(
      `申请表缺少必填项：${missing.map((rule) => rule.label).join('、')}`,
      `Application form lacks required fields: ${missing.map((rule) => rule.key).join(', ')}`,
      missing.map((rule) => ({ path: `formData.${rule.key}`, message: `${rule.label}为必填项 / required` })),
      'FORM_INCOMPLETE',
    );
  }
  const created: Case = {
    tenantId: input.tenantId,
    caseId: input.caseId,
    itemCode: input.item.code,
    itemName: input.item.name,
    itemVersion: input.item.version,
    channel: input.channel,
    applicant: input.applicant,
    formData: input.formData,
    status: 'submitted',
    createdAt: now,
    updatedAt: now,
    promisedDays: input.item.promisedDays,
    noticeDays: input.item.noticeDays,
    tasks: [],
    revision: 1,
  };
  return {
    case: created,
    event: {
      eventId,
      caseId: input.caseId,
      type: 'CaseSubmitted',
      at: now,
      actor: input.channel === 'online' ? 'applicant' : 'window',
      detail: { itemCode: input.item.code, itemVersion: input.item.version, channel: input.channel },
    },
  };
}

const statusLabel: Record<CaseStatus, string> = {
  submitted: '已提交待受理',
  accepted: '已受理',
  in_approval: '审批中',
  completed: '已办结',
  denied: '不予许可',
  rejected: '不予受理',
  returned: '已退件',
};

export const caseStatusLabel = (status: CaseStatus): string => statusLabel[status];

function requireStatus(current: Case, allowed: readonly CaseStatus[], action: { zh: string; en: string }): void {
  if (!allowed.includes(current.status)) {
    throw new InvalidTransitionError(
      `办件当前状态为「${statusLabel[current.status]}」，不能${action.zh}`,
      `Case is ${current.status}; cannot ${action.en}`,
      'CASE_STATE_CONFLICT',
    );
  }
}

export interface AcceptanceInput {
  readonly tasks: readonly CaseTaskRef[];
  readonly promisedDeadline?: string;
  readonly actor: string;
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
      detail: { promisedDeadline: input.promisedDeadline, departments: input.tasks.map((task) => task.deptId) },
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
    case: { ...current, status: kind === 'reject' ? 'rejected' : 'returned', outcomeReason: reason, updatedAt: now, revision: current.revision + 1 },
    event: { eventId, caseId: current.caseId, type: kind === 'reject' ? 'CaseRejected' : 'CaseReturned', at: now, actor, detail: { reason } },
  };
}

/** The approval workflow is running; recorded once, after the engine confirmed the start. */
export function markApprovalStarted(current: Case, executionRef: string, now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['accepted'], { zh: '启动审批', en: 'start approval' });
  return {
    case: { ...current, status: 'in_approval', approvalStartedAt: now, updatedAt: now, revision: current.revision + 1 },
    event: { eventId, caseId: current.caseId, type: 'ApprovalStarted', at: now, actor: 'system', detail: { executionRef } },
  };
}

export interface DepartmentOutcome {
  readonly deptId: string;
  readonly decision: 'approve' | 'deny';
  readonly reason?: string;
}

/** The join: approved only if every department approved; any denial ends the case denied with all reasons. */
export function concludeApproval(current: Case, outcomes: readonly DepartmentOutcome[], now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['accepted', 'in_approval'], { zh: '办结', en: 'conclude' });
  const denials = outcomes.filter((outcome) => outcome.decision === 'deny');
  const approved = denials.length === 0;
  const reason = denials.map((denial) => `${denial.deptId}：${denial.reason ?? ''}`).join('；');
  return {
    case: {
      ...current,
      status: approved ? 'completed' : 'denied',
      completedAt: now,
      updatedAt: now,
      revision: current.revision + 1,
      ...(approved ? {} : { outcomeReason: reason }),
    },
    event: {
      eventId,
      caseId: current.caseId,
      type: approved ? 'CaseCompleted' : 'CaseDenied',
      at: now,
      actor: 'system',
      detail: approved ? { departments: outcomes.map((outcome) => outcome.deptId) } : { reason },
    },
  };
}

export const isFinished = (status: CaseStatus): boolean => ['completed', 'denied', 'rejected', 'returned'].includes(status);
