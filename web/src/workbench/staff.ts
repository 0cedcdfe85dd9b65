import type { User } from 'oidc-client-ts';
import { workbenchText } from './text';

/**
 * The signed-in member of staff as the workbench needs them, from the claims of their staff ID token (the claim names
 * of functions/shared/identity-settings.ts; the API reads the same token, so what is shown here is what it enforces).
 */
export type StaffRole = keyof typeof workbenchText.roles;

export interface StaffMember {
  readonly staffId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly role?: StaffRole;
  readonly deptId?: string;
}

const isRole = (value: unknown): value is StaffRole => typeof value === 'string' && value in workbenchText.roles;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

export function staffMemberOf(user: User): StaffMember {
  const claims = user.profile as Record<string, unknown>;
  const groups = claims['cognito:groups'];
  // a list claim (Cognito groups): the first known role in it counts, as at the API's edge
  const role = (Array.isArray(groups) ? groups : [groups]).find(isRole);
  return {
    staffId: text(claims['custom:staffId']) ?? '',
    name: text(claims.name) ?? '',
    tenantId: text(claims['custom:tenantId']) ?? '',
    role,
    deptId: text(claims['custom:deptId']),
  };
}

/**
 * The pages a member of staff sees in the navigation: those of the permission matrix (docs/permissions.md) their role
 * may use. 部门任务 is `task.list` in the scope 本部门, so it needs a department; supervisors and admins list tasks
 * county-wide, which their own pages will do. Pages not built yet are not linked at all.
 */
export interface WorkbenchLink {
  readonly name: string;
  readonly label: string;
}

export function linksOf(member: StaffMember): WorkbenchLink[] {
  const links: WorkbenchLink[] = [];
  if ((member.role === 'handler' || member.role === 'department_head') && member.deptId) {
    links.push({ name: 'workbench-tasks', label: workbenchText.departmentTasks });
  }
  return links;
}
