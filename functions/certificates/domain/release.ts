import { CalendarNotAvailable, type WorkingCalendar } from '../../domain/calendar';
import { lightAt, resultDeliveryDeadline } from '../../domain/case-clock';
import type { CaseEvent } from '../../kernel/events/case-events';
import type { StaffIdentity } from '../../kernel/principal';
import { InvalidTransitionError, RuleNotSatisfiableError, ValidationError } from '../../shared/errors';

/**
 * The release of a case's result (出件, seed 004 art.12–13), pure: within 3 working days of completion
 * the result reaches the applicant and the receiving window, by pickup at the window (窗口领取) or by
 * government mail (政务专递), as the applicant chooses. 容缺 materials still outstanding block the release.
 */
export type DeliveryMethod = 'pickup' | 'mail';

export interface MailAddress {
  readonly recipient: string;
  readonly phone: string;
  readonly detail: string;
}

export interface Release {
  readonly tenantId: string;
  readonly caseId: string;
  readonly completedAt: string;
  /** End of the 3rd working day after completion on the tenant's calendar; null in a year without a loaded calendar. */
  readonly deadline: string | null;
  readonly method: DeliveryMethod;
  /** Only for mail; stored, never put on the timeline. */
  readonly address?: MailAddress;
  readonly chosenAt: string;
  readonly status: 'chosen' | 'delivered';
  readonly deliveredAt?: string;
  readonly deliveredBy?: string;
  readonly trackingNumber?: string;
  readonly revision: number;
}

export type ReleaseEventType = 'ResultDeliveryChosen' | 'ResultDelivered' | 'DeadlineRecomputed';

export interface ReleaseEvent extends Omit<CaseEvent, 'type'> {
  readonly type: ReleaseEventType;
}

/** The case facts a release depends on. */
export interface CompletedCaseFacts {
  readonly tenantId: string;
  readonly caseId: string;
  readonly status: string;
  readonly completedAt?: string;
}

export const DELIVERY_WORKING_DAYS = 3;

/** The delivery deadline, or null when it reaches a year without an official calendar (the case view shows an alert instead). */
export function deliveryDeadline(completedAt: string, calendar: WorkingCalendar): string | null {
  try {
    return resultDeliveryDeadline(completedAt, calendar);
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return null;
    throw error;
  }
}

/** 容缺: deferred materials that have still not been provided; the release waits for every one of them. */
export const outstandingDeferredMaterials = (deferredMaterialIds: readonly string[], providedMaterialIds: Iterable<string>): string[] => {
  const provided = new Set(providedMaterialIds);
  return deferredMaterialIds.filter((materialId) => !provided.has(materialId));
};

function requireCompleted(facts: CompletedCaseFacts): string {
  if (facts.status !== 'completed' || !facts.completedAt) {
    throw new InvalidTransitionError(
      '办件尚未办结（或已撤销许可），没有可送达的结果',
      `Case is ${facts.status}; only a completed case has a result to deliver`,
      'CASE_NOT_COMPLETED',
    );
  }
  return facts.completedAt;
}

export interface DeliveryChoice {
  readonly method: DeliveryMethod;
  readonly address?: MailAddress;
}

const sameChoice = (release: Release, choice: DeliveryChoice): boolean =>
  release.method === choice.method && JSON.stringify(release.address ?? null) === JSON.stringify(choice.address ?? null);

/**
 * The applicant chooses (or changes, until it is handed over) how the result reaches them. Mail needs
 * an address. Choosing the same again changes nothing (no event).
 */
export function chooseDelivery(
  current: Release | undefined,
  facts: CompletedCaseFacts,
  choice: DeliveryChoice,
  calendar: WorkingCalendar,
  now: string,
  eventId: string,
): { release: Release; event?: ReleaseEvent } {
  const completedAt = requireCompleted(facts);
  if (choice.method === 'mail' && !choice.address) {
    throw new ValidationError(
      '选择政务专递须填写邮寄地址',
      'Mail delivery needs an address',
      [{ path: 'body.address', message: 'required for mail' }],
      'DELIVERY_ADDRESS_REQUIRED',
    );
  }
  if (current?.status === 'delivered') {
    throw new InvalidTransitionError(
      '结果已送达，不能再更改送达方式',
      'The result was already handed over; the delivery method cannot change',
      'RESULT_ALREADY_DELIVERED',
    );
  }
  if (current && sameChoice(current, choice)) return { release: current };
  const release: Release = {
    tenantId: facts.tenantId,
    caseId: facts.caseId,
    completedAt,
    deadline: deliveryDeadline(completedAt, calendar),
    method: choice.method,
    ...(choice.method === 'mail' && choice.address ? { address: choice.address } : {}),
    chosenAt: now,
    status: 'chosen',
    revision: (current?.revision ?? 0) + 1,
  };
  return {
    release,
    // the address stays on the release record; the timeline says only how
    event: {
      eventId,
      caseId: facts.caseId,
      type: 'ResultDeliveryChosen',
      at: now,
      actor: 'applicant',
      detail: { method: choice.method, deadline: release.deadline },
    },
  };
}

export interface Handover {
  readonly trackingNumber?: string;
}

/**
 * Staff hand the result over: given at the window, or posted with its tracking number. Refused while
 * 容缺 materials are outstanding. Handing over the same way again answers the stored handover.
 */
export function handOver(
  current: Release | undefined,
  facts: CompletedCaseFacts,
  waitingFor: readonly string[],
  staff: StaffIdentity,
  handover: Handover,
  calendar: WorkingCalendar,
  now: string,
  eventId: string,
): { release: Release; event?: ReleaseEvent } {
  const completedAt = requireCompleted(facts);
  if (waitingFor.length > 0) {
    throw new RuleNotSatisfiableError(
      `容缺材料尚未补齐（${waitingFor.join('、')}），暂不能出件`,
      `Deferred (容缺) materials are still outstanding (${waitingFor.join(', ')}); the result cannot be released yet`,
      'RELEASE_BLOCKED_BY_DEFERRED_MATERIALS',
    );
  }
  if (!current && handover.trackingNumber) {
    // mail needs the applicant's own choice, with their address: the window cannot choose it for them
    throw new InvalidTransitionError('申请人尚未选择送达方式（窗口领取或政务专递）', 'The applicant has not chosen pickup or mail yet', 'DELIVERY_NOT_CHOSEN');
  }
  // an applicant who comes to the window for the result chooses pickup by coming (seed 004 art.12): chosen and handed over at once
  const chosen: Release = current ?? {
    tenantId: facts.tenantId,
    caseId: facts.caseId,
    completedAt,
    deadline: deliveryDeadline(completedAt, calendar),
    method: 'pickup',
    chosenAt: now,
    status: 'chosen',
    revision: 0,
  };
  return deliver(chosen, staff, handover, calendar, now, eventId);
}

function deliver(
  current: Release,
  staff: StaffIdentity,
  handover: Handover,
  calendar: WorkingCalendar,
  now: string,
  eventId: string,
): { release: Release; event?: ReleaseEvent } {
  if (current.status === 'delivered') {
    if ((current.trackingNumber ?? null) === (handover.trackingNumber ?? null)) return { release: current };
    throw new InvalidTransitionError('结果已送达', 'The result was already handed over', 'RESULT_ALREADY_DELIVERED');
  }
  if (current.method === 'mail' && !handover.trackingNumber) {
    throw new ValidationError(
      '政务专递须填写邮件单号',
      'Mail handover needs the tracking number',
      [{ path: 'body.trackingNumber', message: 'required for mail' }],
      'TRACKING_NUMBER_REQUIRED',
    );
  }
  const onTime = releaseLight({ ...current, status: 'delivered', deliveredAt: now }, calendar, now).light;
  const release: Release = {
    ...current,
    status: 'delivered',
    deliveredAt: now,
    deliveredBy: staff.staffId,
    ...(current.method === 'mail' && handover.trackingNumber ? { trackingNumber: handover.trackingNumber } : {}),
    revision: current.revision + 1,
  };
  return {
    release,
    event: {
      eventId,
      caseId: current.caseId,
      type: 'ResultDelivered',
      at: now,
      actor: staff.staffId,
      detail: { method: current.method, ...(release.trackingNumber ? { trackingNumber: release.trackingNumber } : {}), onTime: onTime === 'green' },
    },
  };
}

/**
 * The release light, like the case light: green, yellow on the last working day, red once the
 * deadline date has passed; a delivered release is judged at its delivery (late stays red).
 */
export function releaseLight(
  release: Pick<Release, 'completedAt' | 'deliveredAt' | 'status'>,
  calendar: WorkingCalendar,
  now: string,
): { light: string; deadline: string | null; provisional: boolean } {
  try {
    const reading = lightAt(
      { startedAt: release.completedAt, limitDays: DELIVERY_WORKING_DAYS, now, finishedAt: release.deliveredAt ?? null, yellowThreshold: 1 },
      calendar,
    );
    return { light: reading.light, deadline: reading.deadline, provisional: calendar.countsProvisionalDay(release.completedAt, reading.deadline) };
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return { light: 'unknown', deadline: null, provisional: false };
    throw error;
  }
}

/** The release as the case view shows it: blocked or not, the deadline and light, and how it goes (no address details). */
export function releaseView(release: Release | undefined, facts: CompletedCaseFacts, waitingFor: readonly string[], calendar: WorkingCalendar, now: string) {
  const blocked = { blocked: waitingFor.length > 0, waitingFor };
  if (facts.status !== 'completed' || !facts.completedAt) return { ...blocked, status: 'not_due' as const };
  const light = releaseLight(
    { completedAt: facts.completedAt, status: release?.status ?? 'chosen', ...(release?.deliveredAt ? { deliveredAt: release.deliveredAt } : {}) },
    calendar,
    now,
  );
  return {
    ...blocked,
    status: release?.status ?? ('awaiting_choice' as const),
    deadline: light.deadline,
    light: light.light,
    provisional: light.provisional,
    ...(release
      ? {
          method: release.method,
          chosenAt: release.chosenAt,
          ...(release.deliveredAt ? { deliveredAt: release.deliveredAt, deliveredBy: release.deliveredBy } : {}),
          ...(release.trackingNumber ? { trackingNumber: release.trackingNumber } : {}),
        }
      : {}),
  };
}
