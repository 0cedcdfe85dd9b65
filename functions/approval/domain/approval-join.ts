import type { DepartmentOutcome } from '../../intake/domain/case';
import { type DepartmentTask, isClosed, isDecided, resultOf } from './department-task';

/**
 * The tasks the join cancels: those no department closed. Without a denial the workflow only joins
 * after every department answered; anything else is a fault worth a retry.
 */
export function tasksToCancelAtJoin(tasks: readonly DepartmentTask[]): DepartmentTask[] {
  const anyDenied = tasks.some((task) => task.status === 'denied');
  const undecided = tasks.filter((task) => !isClosed(task));
  // without a denial the workflow only joins after every department answered; anything else is a fault worth a retry
  if (!anyDenied && undecided.length > 0) throw new Error(`join reached with undecided tasks: ${undecided.map((task) => task.taskId).join(', ')}`);
  return undecided;
}

/** What the case is concluded from: each decided department's result, with the prerequisite that voided an approval. */
export const approvalOutcomes = (judged: readonly DepartmentTask[]): DepartmentOutcome[] =>
  judged.filter(isDecided).map((task) => ({ ...resultOf(task), ...(task.voidedBecause ? { voidedBecause: task.voidedBecause } : {}) }));
