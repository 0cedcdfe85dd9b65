import type { reviewTouchpoints } from '../../kernel/case-vocabulary';
import { ForbiddenError, InvalidTransitionError, RuleNotSatisfiableError } from '../../shared/errors';
import type { StaffIdentity } from '../../kernel/principal';

/**
 * 好差评 (seed 004 art.24, 002 §16), pure: five levels, one review per case per touchpoint, voluntary,
 * and only the applicant rates. Nothing here nags or blocks an applicant who does not rate.
 */
export const reviewLevels = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

export const reviewChannels = ['hall_device', 'web', 'mobile', 'hotline'] as const;
export type ReviewChannel = (typeof reviewChannels)[number];

export type Touchpoint = (typeof reviewTouchpoints)[number];

/** 差评: these two levels open a rectification entry (台账, seed 004 art.26). */
export const isBadReview = (level: ReviewLevel): boolean => level === '不满意' || level === '非常不满意';

/** Counted as satisfied in the satisfaction rate (满意率): 非常满意, 满意 and 基本满意. */
export const isSatisfied = (level: ReviewLevel): boolean => level === '非常满意' || level === '满意' || level === '基本满意';

/** Who the review is about: the item, the departments, the window and the named handlers of the case. */
export interface ReviewLinks {
  readonly itemCode: string;
  readonly itemName: string;
  readonly departments: readonly string[];
  readonly windowId?: string;
  readonly clerk?: string;
  readonly handlers: readonly string[];
}

export interface Review {
  readonly tenantId: string;
  readonly reviewId: string;
  readonly caseId: string;
  readonly touchpoint: Touchpoint;
  readonly level: ReviewLevel;
  readonly comment?: string;
  readonly tags: readonly string[];
  readonly channel: ReviewChannel;
  readonly submittedAt: string;
  readonly links: ReviewLinks;
  /** The rectification entry a bad review opened. */
  readonly rectificationId?: string;
}

/** What of the case decides whether a touchpoint has been reached. */
export interface CaseProgress {
  readonly status: string;
  readonly acceptedAt?: string;
}

const touchpointLabels: Record<Touchpoint, string> = { acceptance: '受理', completion: '办结', refusal: '不予受理或退件' };

/** Whether the case has reached the touchpoint: acceptance once accepted, completion once completed or denied, refusal once rejected or returned. */
export function hasReached(progress: CaseProgress, touchpoint: Touchpoint): boolean {
  switch (touchpoint) {
    case 'acceptance':
      return progress.acceptedAt !== undefined;
    case 'completion':
      return ['completed', 'denied', 'revoked'].includes(progress.status);
    case 'refusal':
      return ['rejected', 'returned'].includes(progress.status);
  }
}

export interface ReviewAttempt {
  readonly touchpoint: Touchpoint;
  readonly openTouchpoints: readonly Touchpoint[];
  readonly progress: CaseProgress;
  readonly staff?: StaffIdentity;
}

/** Staff cannot rate for the applicant (评价人自主自愿, seed 002 §16): any staff identity is refused. */
export function refuseStaff(staff: StaffIdentity | undefined): void {
  if (staff)
    throw new ForbiddenError(
      '评价须由申请人本人作出，工作人员不得代为评价',
      'Only the applicant may rate; staff cannot rate on their behalf',
      'STAFF_CANNOT_REVIEW',
    );
}

/**
 * The rules a review must pass before it is stored; the one-per-touchpoint rule is enforced by the
 * store itself (a conditional write), so two racing attempts cannot both pass.
 */
export function checkReviewAllowed(attempt: ReviewAttempt): void {
  refuseStaff(attempt.staff);
  if (!attempt.openTouchpoints.includes(attempt.touchpoint)) {
    throw new RuleNotSatisfiableError(
      `本地未开放「${touchpointLabels[attempt.touchpoint]}」环节的评价`,
      `Reviews at touchpoint ${attempt.touchpoint} are not open in this county`,
      'TOUCHPOINT_NOT_OPEN',
    );
  }
  if (!hasReached(attempt.progress, attempt.touchpoint)) {
    throw new InvalidTransitionError(
      `办件尚未到达「${touchpointLabels[attempt.touchpoint]}」环节，暂不能评价`,
      `The case has not reached touchpoint ${attempt.touchpoint} yet`,
      'TOUCHPOINT_NOT_REACHED',
    );
  }
}

export const alreadyReviewed = (touchpoint: Touchpoint): InvalidTransitionError =>
  new InvalidTransitionError(
    `该办件的「${touchpointLabels[touchpoint]}」环节已评价（一事一评）`,
    `This case was already rated at touchpoint ${touchpoint} (one review per case per touchpoint)`,
    'ALREADY_REVIEWED',
  );

/** Handlers named on the case's timeline: whoever claimed or decided a department task (staffId in the event detail). */
export function handlersOf(timeline: readonly { readonly type: string; readonly detail: Readonly<Record<string, unknown>> }[]): string[] {
  const named = timeline
    .filter((event) => event.type === 'DepartmentTaskClaimed' || event.type === 'DepartmentTaskDecided')
    .map((event) => event.detail.staffId)
    .filter((staffId): staffId is string => typeof staffId === 'string' && staffId.length > 0);
  return [...new Set(named)];
}
