import { type Light, lightAt } from '../../domain/case-clock';
import type { WorkingCalendar } from '../../domain/calendar';
import { InvalidTransitionError, ValidationError } from '../../shared/errors';
import type { StaffIdentity } from '../../kernel/principal';
import type { ReviewChannel, ReviewLevel, Touchpoint } from './review';

/**
 * The rectification ledger (整改台账, seed 004 art.26), pure. Every bad review and every complaint opens
 * an entry owned by a department, with a deadline in working days. The steps go in order:
 * verification (核实) → rectification (整改) → call-back to the applicant (回访, with their satisfaction)
 * → closure; after verification an entry that cannot be fixed is closed with an explanation (做好解释工作).
 */
export type RectificationStatus = 'open' | 'verified' | 'rectified' | 'called_back' | 'closed' | 'closed_unfixable';

export const rectificationSteps = ['verify', 'rectify', 'call_back', 'close', 'close_unfixable'] as const;
export type RectificationStep = (typeof rectificationSteps)[number];

export type RectificationSource =
  | {
      readonly kind: 'review';
      readonly reviewId: string;
      readonly caseId: string;
      readonly touchpoint: Touchpoint;
      readonly level: ReviewLevel;
      readonly itemCode: string;
    }
  | { readonly kind: 'complaint'; readonly caseId?: string; readonly itemCode?: string; readonly channel: ReviewChannel; readonly content: string };

export interface StepRecord {
  readonly step: RectificationStep;
  readonly at: string;
  readonly staffId: string;
  readonly role: string;
  readonly note: string;
  readonly satisfaction?: ReviewLevel;
}

export interface Rectification {
  readonly tenantId: string;
  readonly rectificationId: string;
  readonly source: RectificationSource;
  readonly ownerDeptId: string;
  readonly openedAt: string;
  readonly limitDays: number;
  readonly deadline: string;
  readonly status: RectificationStatus;
  readonly steps: readonly StepRecord[];
  /** The applicant's satisfaction with the outcome, asked at the call-back (回访). */
  readonly callBackSatisfaction?: ReviewLevel;
  readonly closedAt?: string;
  /** Why the entry could not be fixed, as explained to the applicant. */
  readonly explanation?: string;
  /** Optimistic lock: each step is stored only on the revision it was decided on. */
  readonly revision: number;
}

export const isClosed = (status: RectificationStatus): boolean => status === 'closed' || status === 'closed_unfixable';

const transitions: Record<RectificationStep, { from: readonly RectificationStatus[]; to: RectificationStatus; zh: string }> = {
  verify: { from: ['open'], to: 'verified', zh: '核实' },
  rectify: { from: ['verified'], to: 'rectified', zh: '整改' },
  call_back: { from: ['rectified'], to: 'called_back', zh: '回访' },
  close: { from: ['called_back'], to: 'closed', zh: '办结销号' },
  close_unfixable: { from: ['verified'], to: 'closed_unfixable', zh: '无法整改并说明情况' },
};

const statusLabels: Record<RectificationStatus, string> = {
  open: '待核实',
  verified: '已核实',
  rectified: '已整改',
  called_back: '已回访',
  closed: '已销号',
  closed_unfixable: '无法整改已说明',
};

export interface OpenRectificationInput {
  readonly tenantId: string;
  readonly rectificationId: string;
  readonly source: RectificationSource;
  readonly ownerDeptId: string;
  readonly openedAt: string;
  readonly limitDays: number;
}

export function openRectification(input: OpenRectificationInput, calendar: WorkingCalendar): Rectification {
  return {
    ...input,
    deadline: calendar.addWorkingDays(input.openedAt, input.limitDays),
    status: 'open',
    steps: [],
    revision: 1,
  };
}

export interface StepInput {
  readonly step: RectificationStep;
  readonly note: string;
  readonly satisfaction?: ReviewLevel;
  readonly explanation?: string;
}

/** One step of the ledger, in order; anything out of order is a 409 with its code. */
export function recordStep(entry: Rectification, input: StepInput, staff: StaffIdentity, now: string): Rectification {
  const transition = transitions[input.step];
  if (!transition.from.includes(entry.status)) {
    throw new InvalidTransitionError(
      `整改事项当前为「${statusLabels[entry.status]}」，不能「${transition.zh}」`,
      `Rectification is ${entry.status}; step ${input.step} is not allowed now`,
      'RECTIFICATION_STEP_OUT_OF_ORDER',
    );
  }
  if (input.step === 'call_back' && !input.satisfaction) {
    throw new ValidationError('回访须记录申请人满意度', 'A call-back records the applicant satisfaction', [
      { path: 'body.satisfaction', message: 'required for call_back' },
    ]);
  }
  if (input.step === 'close_unfixable' && !input.explanation) {
    throw new ValidationError('无法整改须说明情况', 'Closing as cannot-be-fixed needs an explanation', [
      { path: 'body.explanation', message: 'required for close_unfixable' },
    ]);
  }
  const record: StepRecord = {
    step: input.step,
    at: now,
    staffId: staff.staffId,
    role: staff.role,
    note: input.note,
    ...(input.satisfaction ? { satisfaction: input.satisfaction } : {}),
  };
  return {
    ...entry,
    status: transition.to,
    steps: [...entry.steps, record],
    ...(input.step === 'call_back' ? { callBackSatisfaction: input.satisfaction } : {}),
    ...(isClosed(transition.to) ? { closedAt: now } : {}),
    ...(input.step === 'close_unfixable' ? { explanation: input.explanation } : {}),
    revision: entry.revision + 1,
  };
}

/** The entry's light, like a case's: yellow near the deadline, red once past it; a late closure stays red. */
export function rectificationLight(
  entry: Rectification,
  now: string,
  calendar: WorkingCalendar,
  yellowThreshold: number,
): { light: Light; remainingWorkingDays: number; overdueWorkingDays: number } {
  const reading = lightAt({ startedAt: entry.openedAt, limitDays: entry.limitDays, now, finishedAt: entry.closedAt ?? null, yellowThreshold }, calendar);
  return { light: reading.light, remainingWorkingDays: reading.remainingWorkingDays, overdueWorkingDays: reading.overdueWorkingDays };
}

export const rectificationStatusLabel = (status: RectificationStatus): string => statusLabels[status];
