/** The status of a case at any stage: its label, whether it is finished, and the check every transition starts with. */

import { InvalidTransitionError } from '../../../shared/errors';
import { type CaseStatus, caseStatusLabel } from '../../../kernel/case-vocabulary';
import type { Case } from './model';

export { caseStatusLabel };

export const isFinished = (status: CaseStatus): boolean => ['completed', 'denied', 'rejected', 'returned', 'revoked'].includes(status);

/** Every transition starts here: a case in another status refuses the action (409). */
export function requireStatus(current: Case, allowed: readonly CaseStatus[], action: { zh: string; en: string }): void {
  if (!allowed.includes(current.status)) {
    throw new InvalidTransitionError(
      `办件当前状态为「${caseStatusLabel(current.status)}」，不能${action.zh}`,
      `Case is ${current.status}; cannot ${action.en}`,
      'CASE_STATE_CONFLICT',
    );
  }
}
