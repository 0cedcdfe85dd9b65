import { clockSuspensions, type DepartmentTask } from '../../approval/domain/department-task';
import { currentStageDeadline, stageLight } from '../../approval/domain/task-clock';
import { outstandingDeferredMaterials, type Release, releaseLight } from '../../certificates/domain/release';
import { CalendarNotAvailable, type WorkingCalendar } from '../../domain/calendar';
import { lightAt, missingMaterialsNoticeDeadline } from '../../domain/case-clock';
import type { MaterialChecklist } from '../../materials/domain/material';
import type { Case } from './case';
import { caseClockView } from './case-clock-view';

/**
 * The rows of the workbench's queues (工作台), pure: what the window examines (with the 一次性告知 deadline and its
 * light), what it hands over (with the 3-working-day delivery deadline and its light), and the open cases behind the
 * supervision dashboard (with the case's light and each department's stage light). Every light is the case clock's
 * own algorithm, so a queue never disagrees with the case page. Rows name the applicant, never their ID or phone.
 */

type QueueLight = 'green' | 'yellow' | 'red' | 'suspended' | 'unknown';

const orUnknown = <T>(compute: () => T): T | undefined => {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarNotAvailable) return undefined;
    throw error;
  }
};

/** A case waiting for the window's acceptance decision: submitted (the notice clock runs) or waiting for the applicant's supplement. */
export function examinationRow(found: Case, calendar: WorkingCalendar, now: string, yellowThreshold: number) {
  const receivedAt = found.receivedAt ?? found.createdAt;
  const noticeDays = found.noticeDays;
  const supplementNotice = found.notices?.find((notice) => notice.kind === 'supplement');
  // while the applicant supplements, the window has nothing to decide by a deadline: the clock waits for them
  const waiting = found.status === 'supplement_requested';
  const reading = waiting ? undefined : orUnknown(() => lightAt({ startedAt: receivedAt, limitDays: noticeDays, now, yellowThreshold }, calendar));
  const noticeDeadline = waiting ? null : (orUnknown(() => missingMaterialsNoticeDeadline(receivedAt, noticeDays, calendar)) ?? null);
  return {
    caseId: found.caseId,
    itemCode: found.itemCode,
    itemName: found.itemName,
    status: found.status,
    applicantName: found.applicant.name,
    channel: found.channel,
    ...(found.window ? { windowId: found.window.windowId } : {}),
    submittedAt: found.createdAt,
    receivedAt,
    noticeDays,
    noticeDeadline,
    light: (waiting ? 'suspended' : (reading?.light ?? 'unknown')) as QueueLight,
    oneTimeNoticeUsed: supplementNotice !== undefined,
    ...(supplementNotice ? { oneTimeNoticeIssuedAt: supplementNotice.issuedAt } : {}),
    provisional: noticeDeadline !== null && calendar.countsProvisionalDay(receivedAt, noticeDeadline),
  };
}

/**
 * A completed case whose result is not handed over yet (seed 004 art.12–13), or undefined once it is. 容缺 materials
 * still outstanding block it (seed 002 §27); the method is the applicant's choice, or null while they have not chosen.
 */
export function handoverRow(found: Case, release: Release | undefined, checklist: MaterialChecklist, calendar: WorkingCalendar, now: string) {
  if (release?.status === 'delivered' || !found.completedAt) return undefined;
  const light = releaseLight({ completedAt: found.completedAt, status: 'chosen' }, calendar, now);
  const waitingFor = outstandingDeferredMaterials(
    found.deferredMaterials?.materialIds ?? [],
    checklist.map((entry) => entry.materialId),
  );
  return {
    caseId: found.caseId,
    itemCode: found.itemCode,
    itemName: found.itemName,
    applicantName: found.applicant.name,
    completedAt: found.completedAt,
    deliveryMethod: release?.method ?? null,
    // the recipient's name only: the address and phone stay in the release record for the mail clerk's own form
    ...(release?.address ? { mailRecipient: release.address.recipient } : {}),
    deliveryDeadline: light.deadline,
    light: light.light as QueueLight,
    provisional: light.provisional,
    blockedByDeferredMaterials: waitingFor.length > 0,
    waitingFor,
  };
}

/** An open case (accepted or in approval) as the supervision drill-down lists it, with each department's stage. */
export function openCaseRow(found: Case, tasks: readonly DepartmentTask[], calendar: WorkingCalendar, now: Date, yellowThreshold: number) {
  const clock = caseClockView(found, calendar, now.toISOString(), yellowThreshold, found.noticeDays, tasks.flatMap(clockSuspensions));
  return {
    caseId: found.caseId,
    itemCode: found.itemCode,
    itemName: found.itemName,
    status: found.status,
    ...(found.acceptedAt ? { acceptedAt: found.acceptedAt } : {}),
    light: (clock.light === 'not_started' ? 'unknown' : clock.light) as QueueLight,
    promisedDeadline: clock.promisedDeadline,
    departments: tasks.map((task) => {
      const stageDeadline = currentStageDeadline(task, now, calendar);
      return {
        deptId: task.deptId,
        taskId: task.taskId,
        lead: task.lead,
        status: task.status,
        light: stageLight(task, now, calendar, yellowThreshold) as QueueLight,
        ...(stageDeadline ? { stageDeadline } : {}),
        escalationLevel: task.escalation?.level ?? 0,
      };
    }),
  };
}

export type OpenCaseRow = ReturnType<typeof openCaseRow>;
