import type { CaseEvent } from '../../kernel/events/case-events';
import { InvalidTransitionError, ValidationError } from '../../shared/errors';
import type { PublishedItem } from '../../catalogue/domain/service-item';
import type { FormField } from '../../catalogue/domain/tenant-config/index';

/**
 * The case (办件) lifecycle, pure: every transition checks the current status and returns the new
 * case plus the timeline event to store with it, in one transaction.
 */
export type CaseStatus = 'submitted' | 'supplement_requested' | 'accepted' | 'in_approval' | 'completed' | 'denied' | 'rejected' | 'returned' | 'revoked';

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

export type NoticeKind = 'acceptance' | 'supplement' | 'rejection' | 'return';

export interface SupplementItem {
  readonly materialId: string;
  readonly reason: string;
}

/** A written notice to the applicant (受理通知书, 一次性告知书, 不予受理通知书, 退件通知). */
export interface CaseNotice {
  readonly noticeNo: string;
  readonly kind: NoticeKind;
  readonly issuedAt: string;
  readonly items?: readonly SupplementItem[];
  readonly reason?: string;
}

/** 告知承诺: the applicant's signed commitment that stands in for proofs, verified after approval. */
export interface Commitment {
  readonly statement: string;
  readonly signedBy: string;
  readonly signedAt: string;
}

export interface DeferredMaterials {
  readonly materialIds: readonly string[];
  readonly commitment: { readonly statement: string; readonly signedBy: string; readonly signedAt: string };
}

export interface PostVerification {
  readonly status: 'pending' | 'confirmed' | 'false-commitment';
  readonly verifiedAt?: string;
  readonly verifier?: string;
  readonly note?: string;
}

export interface Case {
  readonly tenantId: string;
  readonly caseId: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly itemVersion: number;
  /** A 一件事 case: the items (at their versions) its bundle stands for. */
  readonly bundleOf?: PublishedItem['bundleOf'];
  readonly channel: Channel;
  /** Window intake: the window and the clerk who filed for the applicant. */
  readonly window?: { readonly windowId: string; readonly clerk: string };
  readonly applicant: Applicant;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly commitment?: Commitment;
  /** 容缺受理: materials the window accepted the case without, on the applicant's commitment to supply them. */
  readonly deferredMaterials?: DeferredMaterials;
  readonly postVerification?: PostVerification;
  /** A false commitment revoked the approval; recorded for the credit system (信用记录). */
  readonly creditRecord?: { readonly recordedAt: string; readonly reason: string };
  readonly status: CaseStatus;
  readonly createdAt: string;
  /** When the complete application was received: filing, or the supplement that completed it. */
  readonly receivedAt?: string;
  readonly updatedAt: string;
  readonly acceptedAt?: string;
  /** Accepted by the timer because no decision came within the notice window (视为受理). */
  readonly deemedAccepted?: boolean;
  readonly notices?: readonly CaseNotice[];
  readonly promisedDays: number;
  /** One-time-notice window of the item version (1 or 5 working days from receipt). */
  readonly noticeDays: 1 | 5;
  readonly promisedDeadline?: string;
  /** The one-time-notice deadline, stored only once a holiday notice moved it (otherwise counted on read). */
  readonly noticeDeadline?: string;
  readonly approvalStartedAt?: string;
  readonly completedAt?: string;
  readonly outcomeReason?: string;
  /** With a denial: the applicant's right to reconsideration or litigation. */
  readonly rightsNotice?: string;
  readonly tasks: readonly CaseTaskRef[];
  /** Optimistic lock: every stored change increments it and is conditional on the previous value. */
  readonly revision: number;
}

export interface NewCaseInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly item: PublishedItem;
  readonly channel: Channel;
  readonly window?: { readonly windowId: string; readonly clerk: string };
  readonly applicant: Applicant;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly commitment?: Commitment;
}

const ID_NUMBER = /^\d{17}[\dX]$/;
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a value does not fit its configured field, or undefined when it fits. */
function fieldProblem(field: FormField, value: unknown): string | undefined {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : '应为数字 / must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : '应为是或否 / must be true or false';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : '应为日期 YYYY-MM-DD / must be a date YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? undefined
        : `应为以下之一：${(field.options ?? []).join('、')} / must be one of the options`;
    case 'idNumber':
      return typeof value === 'string' && ID_NUMBER.test(value.toUpperCase()) ? undefined : '应为18位公民身份号码 / must be an 18-character citizen ID number';
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? undefined : '应为手机或座机号码 / must be a mobile or landline number';
    default:
      return typeof value === 'string' && value.length <= 500 ? undefined : '应为不超过500字的文本 / must be text of at most 500 characters';
  }
}

/**
 * The form is checked against the item's configured fields only: nothing the guide does not ask for
 * is accepted (seed 004 art.7), every required field is present, and every value fits its type.
 */
function formProblems(fields: readonly FormField[], formData: Readonly<Record<string, unknown>>): { path: string; label: string; message: string }[] {
  const known = new Set(fields.map((field) => field.key));
  const unknown = Object.keys(formData)
    .filter((key) => !known.has(key))
    .map((key) => ({ path: `formData.${key}`, label: key, message: '办事指南未要求此项 / not a field of this item' }));
  const checked = fields.flatMap((field) => {
    const value = formData[field.key];
    const at = { path: `formData.${field.key}`, label: field.label };
    if (value === undefined || value === '' || value === null) return field.required ? [{ ...at, message: `${field.label}为必填项 / required` }] : [];
    const problem = fieldProblem(field, value);
    return problem ? [{ ...at, message: `${field.label}${problem}` }] : [];
  });
  return [...unknown, ...checked];
}

/** Refuses, with every problem at once, a form that does not fit the item's configured fields. */
export function validateForm(item: Pick<PublishedItem, 'formFields'>, formData: Readonly<Record<string, unknown>>): void {
  const problems = formProblems(item.formFields, formData);
  if (problems.length > 0) {
    throw new ValidationError(
      `申请表有${problems.length}处不符合要求：${problems.map((problem) => problem.label).join('、')}`,
      `The application form has ${problems.length} problem(s): ${problems.map((problem) => problem.path).join(', ')}`,
      problems.map(({ path, message }) => ({ path, message })),
      'FORM_INVALID',
    );
  }
}

/** Opens a case under the item's current version; refuses a form that lacks required fields. */
export function submitCase(input: NewCaseInput, now: string, eventId: string): { case: Case; event: CaseEvent } {
  validateForm(input.item, input.formData);
  if (input.commitment && !input.item.commitmentAllowed) {
    throw new ValidationError(
      '该事项不适用告知承诺制',
      'This item does not allow a commitment (告知承诺) instead of proofs',
      [{ path: 'commitment', message: 'not allowed for this item' }],
      'COMMITMENT_NOT_ALLOWED',
    );
  }
  const created: Case = {
    tenantId: input.tenantId,
    caseId: input.caseId,
    itemCode: input.item.code,
    itemName: input.item.name,
    itemVersion: input.item.version,
    ...(input.item.bundleOf ? { bundleOf: input.item.bundleOf } : {}),
    channel: input.channel,
    ...(input.window ? { window: input.window } : {}),
    ...(input.commitment ? { commitment: input.commitment } : {}),
    applicant: input.applicant,
    formData: input.formData,
    status: 'submitted',
    createdAt: now,
    receivedAt: now,
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
      detail: {
        itemCode: input.item.code,
        itemVersion: input.item.version,
        channel: input.channel,
        ...(input.item.bundleOf ? { bundleOf: input.item.bundleOf.map((member) => member.code) } : {}),
      },
    },
  };
}

const statusLabel: Record<CaseStatus, string> = {
  submitted: '已提交待受理',
  supplement_requested: '待补正材料',
  accepted: '已受理',
  in_approval: '审批中',
  completed: '已办结',
  denied: '不予许可',
  rejected: '不予受理',
  returned: '已退件',
  revoked: '已撤销许可',
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
  /** The acceptance notice (受理通知书) issued with the decision. */
  readonly noticeNo?: string;
  /** 容缺: materials accepted as missing, with the commitment to supply them before release. */
  readonly deferred?: DeferredMaterials;
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

const withNotice = (current: Case, notice: CaseNotice | undefined): readonly CaseNotice[] => [...(current.notices ?? []), ...(notice ? [notice] : [])];

/** Notice numbers: kind prefix, tenant, Shanghai date of issue and the case id tail; one notice per kind and case. */
export function noticeNumber(kind: NoticeKind, tenantId: string, caseId: string, issuedAt: string): string {
  const prefix = { acceptance: 'SL', supplement: 'BZ', rejection: 'BY', return: 'TJ' }[kind];
  const shanghaiDay = new Date(Date.parse(issuedAt) + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}${tenantId}${shanghaiDay}${caseId.slice(-8)}`;
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
  /** An approval voided under 默认前置条件批准 because this prerequisite department denied. */
  readonly voidedBecause?: string;
}

/**
 * The join: approved only if every department approved; any denial ends the case denied with all
 * reasons, naming the approvals that presumed a denied prerequisite and are void with it.
 */
export function concludeApproval(current: Case, outcomes: readonly DepartmentOutcome[], now: string, eventId: string): { case: Case; event: CaseEvent } {
  requireStatus(current, ['accepted', 'in_approval'], { zh: '办结', en: 'conclude' });
  const denials = outcomes.filter((outcome) => outcome.decision === 'deny');
  const voided = outcomes.filter((outcome) => outcome.voidedBecause !== undefined);
  const approved = denials.length === 0;
  const reason = [
    ...denials.map((denial) => `${denial.deptId}：${denial.reason ?? ''}`),
    ...voided.map((outcome) => `${outcome.deptId} 的批准以 ${outcome.voidedBecause} 批准为前置条件，随之失效`),
  ].join('；');
  return {
    case: {
      ...current,
      status: approved ? 'completed' : 'denied',
      completedAt: now,
      updatedAt: now,
      revision: current.revision + 1,
      ...(approved ? {} : { outcomeReason: reason, rightsNotice: RECONSIDERATION_RIGHTS }),
    },
    event: {
      eventId,
      caseId: current.caseId,
      type: approved ? 'CaseCompleted' : 'CaseDenied',
      at: now,
      actor: 'system',
      detail: approved
        ? { departments: outcomes.map((outcome) => outcome.deptId) }
        : { reason, deniedBy: denials.map((denial) => denial.deptId), voided: voided.map((outcome) => outcome.deptId) },
    },
  };
}

/** The rights a denial states (seed 001 §5(三)5). */
export const RECONSIDERATION_RIGHTS = '如不服本决定，可自收到之日起六十日内依法申请行政复议，或者自收到之日起六个月内依法向人民法院提起行政诉讼。';

export const isFinished = (status: CaseStatus): boolean => ['completed', 'denied', 'rejected', 'returned', 'revoked'].includes(status);

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

/** Accepted and completed in one step (即办件, 告知承诺): one acceptance notice, the result issued at once, no workflow. */
function completeAtOnce(
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

/**
 * 告知承诺: the applicant committed instead of proving, so the case is approved at once and a
 * post-verification is due; the result is issued now.
 */
export function approveOnCommitment(
  current: Case,
  item: PublishedItem,
  actor: string,
  noticeNo: string,
  now: string,
  eventIds: readonly [string, string],
): { case: Case; events: CaseEvent[] } {
  if (!current.commitment) throw new InvalidTransitionError('本件未签署告知承诺书', 'The applicant signed no commitment for this case', 'NO_COMMITMENT');
  requireStatus(current, ['submitted'], { zh: '按告知承诺办结', en: 'approve on commitment' });
  return completeAtOnce(current, item, { actor, noticeNo, marker: { onCommitment: true }, extra: { postVerification: { status: 'pending' } } }, now, eventIds);
}

/**
 * The post-verification of a commitment: confirmed, or found false, which revokes the approval and
 * leaves a credit record. Either way it happens once.
 */
export function recordPostVerification(
  current: Case,
  outcome: 'confirmed' | 'false-commitment',
  verifier: string,
  note: string,
  now: string,
  eventId: string,
): { case: Case; event: CaseEvent } {
  if (current.postVerification?.status !== 'pending') {
    throw new InvalidTransitionError('本件没有待核查的告知承诺', 'This case has no commitment awaiting verification', 'NO_PENDING_VERIFICATION');
  }
  const verification: PostVerification = { status: outcome, verifiedAt: now, verifier, note };
  if (outcome === 'confirmed') {
    return {
      case: { ...current, postVerification: verification, updatedAt: now, revision: current.revision + 1 },
      event: { eventId, caseId: current.caseId, type: 'CommitmentVerified', at: now, actor: verifier, detail: { outcome } },
    };
  }
  return {
    case: {
      ...current,
      status: 'revoked',
      postVerification: verification,
      outcomeReason: `承诺不实，撤销许可：${note}`,
      creditRecord: { recordedAt: now, reason: note },
      updatedAt: now,
      revision: current.revision + 1,
    },
    event: { eventId, caseId: current.caseId, type: 'ApprovalRevoked', at: now, actor: verifier, detail: { outcome, creditRecord: true } },
  };
}
