/** Task planning: which departments get a task for an accepted case, with which stage deadlines, and how the workflow hands them out. */

import type { PublishedItem } from '../../catalogue/domain/service-item';
import type { WorkingCalendar } from '../../domain/calendar';
import { deadlineField } from '../../domain/deadline-field';
import type { DepartmentTask } from './department-task';
import { type EscalationPolicy, taskWaitSeconds } from './task-clock';

/** What a case's task plan is counted from: the case, the start of its clock, the tenant's calendar, and the injected ids. */
export interface TaskPlanInput {
  readonly tenantId: string;
  readonly caseId: string;
  /** When the stage clocks start: the acceptance (or, when deemed accepted, the receipt of the complete application). */
  readonly startedAt: string;
  readonly calendar: WorkingCalendar;
  /** Told the year of a deadline the calendar cannot count yet (the deadline is then left out, never guessed). */
  readonly onCalendarGap: (year: number) => void;
  readonly nextId: () => string;
}

/**
 * The departments of the case's item version, one task each with its stage deadline, all counted from
 * `startedAt` on the tenant's working-day calendar.
 */
export function planDepartmentTasks(
  item: Pick<PublishedItem, 'code' | 'name' | 'mode' | 'departments' | 'supplementPolicy'>,
  input: TaskPlanInput,
): DepartmentTask[] {
  const serial = item.mode === 'serial';
  let daysBefore = 0;
  return item.departments.map((department) => {
    // a serial stage's own clock starts when it reaches its department; until then its deadline is the plan's
    const plannedDays = serial ? (daysBefore += department.stageDays) : department.stageDays;
    return {
      tenantId: input.tenantId,
      taskId: input.nextId(),
      caseId: input.caseId,
      deptId: department.deptId,
      lead: department.lead,
      itemCode: item.code,
      itemName: item.name,
      status: 'waiting',
      stageDays: department.stageDays,
      ...deadlineField('stageDeadline', input.startedAt, plannedDays, input.calendar, input.onCalendarGap),
      light: 'green',
      createdAt: input.startedAt,
      escalations: 0,
      prerequisites: department.prerequisites ?? [],
      supplementPolicy: item.supplementPolicy ?? 'suspend',
      ...(serial ? { serial: true } : {}),
    };
  });
}

/** How the approval workflow receives a case's tasks: how many departments at once, and how long it waits for each. */
export interface WorkflowHandOut {
  readonly maxConcurrency: 0 | 1;
  readonly tasks: { readonly taskId: string; readonly deptId: string; readonly timeoutSeconds: number }[];
}

/** The hand-out of the stored tasks to the workflow, each wait counted at `now()` on the tenant's calendar and ladder. */
export function workflowHandOut(
  tasks: readonly DepartmentTask[],
  now: () => Date,
  calendar: WorkingCalendar,
  policy: EscalationPolicy | undefined,
): WorkflowHandOut {
  return {
    // a serial chain hands one department at a time, in the configured order
    maxConcurrency: tasks.some((task) => task.serial) ? 1 : 0,
    tasks: tasks.map((task) => ({ taskId: task.taskId, deptId: task.deptId, timeoutSeconds: taskWaitSeconds(task, now(), calendar, policy) })),
  };
}
