import { type Action, permissionMatrix } from '@kernel/permission-matrix';
import type { StaffMember } from './staff';

/**
 * Whether the member's role may do an action at all, read from the API's own permission matrix
 * (functions/kernel/permission-matrix.ts): the workbench offers a page to exactly the roles the API lets through, and
 * the API still refuses anything else (a department's tasks to another department, for one).
 */
export function may(member: StaffMember, action: Action): boolean {
  return member.role !== undefined && member.role in permissionMatrix[action].roles;
}

/** The scope the member's role has for an action (本人, 本部门 or 本县), undefined when it has none. */
export function scopeOf(member: StaffMember, action: Action): string | undefined {
  return member.role ? (permissionMatrix[action].roles as Partial<Record<string, string>>)[member.role] : undefined;
}
