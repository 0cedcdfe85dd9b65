import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/errors';
import { type Action, permissionMatrix, type Role, type Scope } from './permission-matrix';
import { type CaseOwnership, type Principal, type StaffRole, isApplicantOf, REAL_NAME_LEVELS, staffRoleLabels } from './principal';

export { type Action, permissionMatrix, type Role, type Scope } from './permission-matrix';

/** What the action is about, as far as its scope needs to know. */
export interface Target {
  /** The department(s) the thing belongs to: a task's or entry's department, or every department working on a case. */
  readonly deptIds?: readonly string[];
  /** The case, for `own-case`. */
  readonly caseId?: string;
  readonly owner?: CaseOwnership;
  /** The member of staff the thing is about, for a staff member's `self`. */
  readonly staffId?: string;
}

const roleOf = (principal: Principal): Role | undefined =>
  principal.kind === 'staff' ? principal.staff.role : principal.kind === 'citizen' ? 'citizen' : undefined;

/** The roles that may do an action, in Chinese, for the refusal message. */
const allowedRoles = (action: Action): string =>
  Object.keys(permissionMatrix[action].roles)
    .map((role) => (role === 'citizen' ? '申请人' : staffRoleLabels[role as StaffRole]))
    .join('、');

/**
 * The caller's role may do the action somewhere: 401 when nobody is signed in, 403 `ROLE_NOT_ALLOWED` when not.
 * Use cases ask this before they load the thing, so a refused role learns nothing about it, then `authorize` with it.
 */
export function authorizeRole(principal: Principal, action: Action): Scope {
  const entry = permissionMatrix[action];
  const role = roleOf(principal);
  if (!role) throw new UnauthenticatedError(`请先登录后再${entry.zh}`, `Sign in to do this (${action})`, 'UNAUTHENTICATED');
  const scope = (entry.roles as Partial<Record<Role, Scope>>)[role];
  if (!scope) {
    throw new ForbiddenError(`「${entry.zh}」仅限${allowedRoles(action)}办理`, `Role ${role} may not do ${action}`, 'ROLE_NOT_ALLOWED');
  }
  return scope;
}

/**
 * Allows the action or throws: 401 when nobody is signed in, 403 with a code when the role may not do it or the
 * thing is another department's, 404 when a citizen asks about a case that is not theirs (whether it exists is
 * not theirs to learn either).
 */
export function authorize(principal: Principal, action: Action, target: Target = {}): void {
  switch (authorizeRole(principal, action)) {
    case 'county':
      return;
    case 'self':
      if (principal.kind === 'staff' && target.staffId !== undefined && target.staffId !== principal.staff.staffId) {
        throw new ForbiddenError('只能查看本人的数据', `Staff ${principal.staff.staffId} may only see their own figures`, 'NOT_YOURSELF');
      }
      return;
    case 'department': {
      const deptId = principal.kind === 'staff' ? principal.staff.deptId : undefined;
      if (!deptId || !(target.deptIds ?? []).includes(deptId)) {
        throw new ForbiddenError(
          deptId ? `该事项不属于本部门（${deptId}）` : '您的账号未关联部门，不能办理部门事项',
          deptId ? `This belongs to another department than ${deptId}` : 'Your account has no department',
          'OTHER_DEPARTMENT',
        );
      }
      return;
    }
    case 'own-case':
      if (principal.kind !== 'citizen' || !target.owner || !isApplicantOf(principal.citizen, target.owner)) {
        throw new NotFoundError({ zh: '办件', en: 'Case', code: 'CASE_NOT_FOUND' }, target.caseId ?? '');
      }
      return;
  }
}

/**
 * The ID digest of a real-name account (实名等级 L3 or above), or 403 `REAL_NAME_REQUIRED`: filing in one's own name
 * and listing one's cases or certificates go by the checked ID, never by an ID number someone types in.
 */
export function realNameDigest(principal: Principal): string {
  if (principal.kind === 'citizen' && REAL_NAME_LEVELS.includes(principal.citizen.trustLevel) && principal.citizen.idDigest) return principal.citizen.idDigest;
  throw new ForbiddenError(
    '请先在统一身份认证平台完成实名认证（L3及以上）后再办理',
    'A real-name account (trust level L3 or above) is required',
    'REAL_NAME_REQUIRED',
  );
}
