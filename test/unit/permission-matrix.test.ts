import { type Action, authorize, permissionMatrix, type Role } from '../../functions/kernel/permissions';
import type { Principal } from '../../functions/kernel/principal';
import { staffRoles } from '../../functions/kernel/principal';
import { documentedPermissionTable, renderPermissionTable } from '../../scripts/render-permissions';

const staff = (role: (typeof staffRoles)[number], deptId?: string, staffId = 'GTJ-01'): Principal => ({
  kind: 'staff',
  staff: { staffId, role, ...(deptId ? { deptId } : {}) },
});
const citizen = (subject: string, idDigest?: string): Principal => ({
  kind: 'citizen',
  citizen: { subject, subjectType: 'person', trustLevel: idDigest ? 'L3' : 'L2', ...(idDigest ? { idDigest } : {}) },
});
const owner = { applicantSubject: 'c-owner', applicantIdDigest: 'd'.repeat(64) };
const codeOf = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? 'THREW';
  }
};

describe('given the permission matrix', () => {
  it('when nobody is signed in, then every action of the matrix answers 401 UNAUTHENTICATED', () => {
    for (const action of Object.keys(permissionMatrix) as Action[]) {
      expect([action, codeOf(() => authorize({ kind: 'public' }, action, { owner, deptIds: ['GTJ'] }))]).toEqual([action, 'UNAUTHENTICATED']);
    }
  });

  it('when a role has no entry for an action, then it is refused with 403 ROLE_NOT_ALLOWED; with an entry in scope, it is allowed', () => {
    const principals: Record<Role, Principal> = {
      citizen: citizen('c-owner', owner.applicantIdDigest),
      ...(Object.fromEntries(staffRoles.map((role) => [role, staff(role, 'GTJ')])) as Record<(typeof staffRoles)[number], Principal>),
    };
    for (const action of Object.keys(permissionMatrix) as Action[]) {
      for (const role of Object.keys(principals) as Role[]) {
        const allowed = role in permissionMatrix[action].roles;
        const outcome = codeOf(() => authorize(principals[role], action, { owner, deptIds: ['GTJ'], staffId: 'GTJ-01' }));
        expect([action, role, outcome]).toEqual([action, role, allowed ? undefined : 'ROLE_NOT_ALLOWED']);
      }
    }
  });

  it('when a handler works another department’s task, then it is 403 OTHER_DEPARTMENT; a handler without a department is refused too', () => {
    expect(codeOf(() => authorize(staff('handler', 'SJJ'), 'task.claim', { deptIds: ['GTJ'] }))).toBe('OTHER_DEPARTMENT');
    expect(codeOf(() => authorize(staff('handler'), 'task.claim', { deptIds: ['GTJ'] }))).toBe('OTHER_DEPARTMENT');
    expect(codeOf(() => authorize(staff('supervisor'), 'task.list', { deptIds: ['GTJ'] }))).toBeUndefined();
  });

  it('when a citizen asks about a case that is not theirs, then it is 404 CASE_NOT_FOUND, not a hint that it exists', () => {
    expect(codeOf(() => authorize(citizen('c-other', 'e'.repeat(64)), 'case.view', { owner, caseId: 'X' }))).toBe('CASE_NOT_FOUND');
    expect(codeOf(() => authorize(citizen('c-other'), 'review.submit', { owner }))).toBe('CASE_NOT_FOUND');
  });

  it('when the applicant of a window case signs in with a real-name account, then the case is theirs by the ID digest', () => {
    const windowCase = { applicantIdDigest: owner.applicantIdDigest };
    expect(codeOf(() => authorize(citizen('c-new', owner.applicantIdDigest), 'case.view', { owner: windowCase }))).toBeUndefined();
    expect(codeOf(() => authorize(citizen('c-new'), 'case.view', { owner: windowCase }))).toBe('CASE_NOT_FOUND');
  });

  it('when a handler asks for another person’s monthly figures, then it is 403 NOT_YOURSELF; their own are allowed', () => {
    expect(codeOf(() => authorize(staff('handler', 'GTJ', 'GTJ-01'), 'supervision.read-staff-month', { staffId: 'GTJ-02' }))).toBe('NOT_YOURSELF');
    expect(codeOf(() => authorize(staff('handler', 'GTJ', 'GTJ-01'), 'supervision.read-staff-month', { staffId: 'GTJ-01' }))).toBeUndefined();
  });

  it('when the documentation prints the matrix, then it is the matrix the use cases enforce', () => {
    expect(documentedPermissionTable()).toBe(renderPermissionTable());
  });
});
