import { tenantCalendar } from '../../kernel/calendar-access';
import type { CaseEvent, CaseEventType } from '../../kernel/events/case-events';
import { authorize, authorizeRole } from '../../kernel/permissions';
import type { StaffIdentity } from '../../kernel/principal';
import { notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import type { DepartmentTask } from '../domain/department-task';
import { DEFAULT_ESCALATION_POLICY, escalationPolicyOf } from '../domain/task-clock';
import type { ApprovalDependencies } from './dependencies';

/** A task's case timeline event, stored with the change it records. */
export const event = (
  deps: Pick<ApprovalDependencies, 'ids'>,
  task: DepartmentTask,
  type: CaseEventType,
  at: string,
  actor: string,
  detail: Record<string, unknown>,
): CaseEvent => ({
  eventId: deps.ids.next(),
  caseId: task.caseId,
  type,
  at,
  actor,
  detail: { taskId: task.taskId, deptId: task.deptId, ...detail },
});

/** The tenant's working-day calendar (national arrangements plus its local closures) and escalation ladder. */
export async function supervisionOf(deps: Pick<ApprovalDependencies, 'tenants' | 'calendar'>, tenantId: string) {
  const [profile, national] = await Promise.all([deps.tenants.profile(tenantId), deps.calendar.current()]);
  return profile
    ? {
        calendar: tenantCalendar(profile, national),
        policy: escalationPolicyOf(profile.supervision),
        departments: profile.departments.map((department) => department.deptId),
      }
    : { calendar: national, policy: DEFAULT_ESCALATION_POLICY, departments: undefined };
}

/**
 * The task, once the caller may do `action` on it: a handler or head of the task's department (the permission
 * matrix). A refused role learns nothing about the task; another county's id is simply not found.
 */
export async function loadForStaff(deps: Pick<ApprovalDependencies, 'tasks'>, ctx: RequestContext, taskId: string, action: 'task.claim' | 'task.decide') {
  authorizeRole(ctx.principal, action);
  const stored = await deps.tasks.find(ctx.tenantId, taskId);
  if (!stored) throw notFound.task(taskId);
  authorize(ctx.principal, action, { deptIds: [stored.task.deptId] });
  return { ...stored, staff: ctx.staff as StaffIdentity };
}
