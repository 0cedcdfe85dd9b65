import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/errors';
import { type CaseOwnership, type Principal, type StaffRole, isApplicantOf, REAL_NAME_LEVELS, staffRoleLabels } from './principal';

/**
 * Who may do what (实名制, 000 art.15: every step has named handlers with permissions), written once as data.
 * Every use case asks `authorize` before it reads or changes anything; the edge only establishes who is
 * asking. docs/permissions.md prints this table and a test checks that it matches.
 *
 * Scopes, from the caller's point of view (the county is always the caller's own: the edge refuses staff
 * of another county, and every key is tenant-first, so another county's ids are simply not found):
 * - `self`: in one's own name (a citizen files or lists their own; a member of staff reads their own figures);
 * - `own-case`: the citizen is the applicant of the case (filed it, or it carries their checked ID);
 * - `department`: the thing belongs to the caller's department (a task, a rectification entry, a case it works on);
 * - `county`: anything of the caller's county.
 */
export type Scope = 'self' | 'own-case' | 'department' | 'county';
export type Role = 'citizen' | StaffRole;

export const permissionMatrix = {
  'case.file-online': { zh: '网上申报', roles: { citizen: 'self' } },
  'case.file-at-window': { zh: '窗口收件（代为录入）', roles: { window: 'county' } },
  'case.view': {
    zh: '查看办件详情',
    roles: { citizen: 'own-case', window: 'county', handler: 'county', department_head: 'county', supervisor: 'county', admin: 'county' },
  },
  'case.resubmit': { zh: '补正后重新提交', roles: { citizen: 'own-case' } },
  'case.list-own': { zh: '我的办件', roles: { citizen: 'self' } },
  'case.decide-acceptance': { zh: '受理、补正告知、不予受理、退回', roles: { window: 'county' } },
  'case.verify-commitment': { zh: '告知承诺核查', roles: { handler: 'department', department_head: 'department' } },
  'material.upload': { zh: '上传材料', roles: { citizen: 'own-case', window: 'county' } },
  'material.list': {
    zh: '查看材料清单',
    roles: { citizen: 'own-case', window: 'county', handler: 'county', department_head: 'county', supervisor: 'county', admin: 'county' },
  },
  'material.download': { zh: '下载申请材料', roles: { window: 'county', handler: 'department', department_head: 'department', supervisor: 'county' } },
  'result.choose-delivery': { zh: '选择取件方式', roles: { citizen: 'own-case' } },
  'result.hand-over': { zh: '窗口出件', roles: { window: 'county' } },
  'certificate.list-own': { zh: '我的证照', roles: { citizen: 'self' } },
  'certificate.download-own': { zh: '下载本人电子证照文书', roles: { citizen: 'self' } },
  'task.list': { zh: '部门审批任务列表', roles: { handler: 'department', department_head: 'department', supervisor: 'county', admin: 'county' } },
  'task.claim': { zh: '认领审批任务', roles: { handler: 'department', department_head: 'department' } },
  'task.decide': { zh: '审批决定', roles: { handler: 'department', department_head: 'department' } },
  'review.submit': { zh: '评价（好差评）', roles: { citizen: 'own-case' } },
  'review.read': { zh: '查看本件评价', roles: { citizen: 'own-case' } },
  'rectification.read': { zh: '查看整改台账', roles: { handler: 'department', department_head: 'department', supervisor: 'county', admin: 'county' } },
  'rectification.record-step': { zh: '记录整改步骤', roles: { handler: 'department', department_head: 'department' } },
  'supervision.read-dashboard': { zh: '督查看板', roles: { supervisor: 'county', admin: 'county' } },
  'supervision.read-staff-month': {
    zh: '工作人员月度考核数据',
    roles: { window: 'self', handler: 'self', department_head: 'county', supervisor: 'county', admin: 'county' },
  },
  'audit.read': { zh: '审计记录', roles: { supervisor: 'county', admin: 'county' } },
} as const satisfies Record<string, { zh: string; roles: Partial<Record<Role, Scope>> }>;

export type Action = keyof typeof permissionMatrix;

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
