import { nationalIdDigest } from './applicant';

/**
 * Who is asking: read once at the edge from the claims of a verified ID token (functions/shared/request-context.ts),
 * never from a header or a body, and handed to every use case in the request context.
 */

/** What a member of staff does in the platform (实名制: every step has a named handler with a role). */
export const staffRoles = ['window', 'handler', 'department_head', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleLabels: Readonly<Record<StaffRole, string>> = {
  window: '窗口人员',
  handler: '承办人',
  department_head: '部门负责人',
  supervisor: '督查人员',
  admin: '系统管理员',
};

/** A named member of staff of the county in the path (the edge refuses staff of another county). */
export interface StaffIdentity {
  readonly staffId: string;
  readonly role: StaffRole;
  /** The department the person works for, when they work for one. */
  readonly deptId?: string;
}

/** 实名等级 as the identity platform reports it; filing in one's own name needs a checked identity. */
export type TrustLevel = 'L1' | 'L2' | 'L3' | 'L4' | 'L5';
export const REAL_NAME_LEVELS: readonly TrustLevel[] = ['L3', 'L4', 'L5'];

/** A person or organisation signed in through the citizens' identity platform (any county's cases may be theirs). */
export interface CitizenIdentity {
  /** The provider's stable id of the account (`sub`). */
  readonly subject: string;
  readonly subjectType: 'person' | 'organisation';
  readonly trustLevel: TrustLevel;
  /** `nationalIdDigest` of the checked ID, for real-name accounts only. */
  readonly idDigest?: string;
}

export type Principal =
  { readonly kind: 'staff'; readonly staff: StaffIdentity } | { readonly kind: 'citizen'; readonly citizen: CitizenIdentity } | { readonly kind: 'public' };

/** The applicant side of a case as ownership needs it: who filed it online, and whose ID it is. */
export interface CaseOwnership {
  /** `sub` of the account that filed the case online; absent for a case filed at a window. */
  readonly applicantSubject?: string;
  /** `nationalIdDigest` of the applicant's ID on the case. */
  readonly applicantIdDigest: string;
}

/**
 * The citizen is the applicant of the case: the account that filed it, or a real-name account with the
 * applicant's ID (so a walk-in applicant's window case is theirs once they sign in).
 */
export const isApplicantOf = (citizen: CitizenIdentity, owner: CaseOwnership): boolean =>
  citizen.subject === owner.applicantSubject || (citizen.idDigest !== undefined && citizen.idDigest === owner.applicantIdDigest);

/** Who did something, as an event or an audit record names them: a 工号 or the applicant, never a name or an ID number. */
export const actorOf = (principal: Principal): { actor: string; role: string } =>
  principal.kind === 'staff'
    ? { actor: principal.staff.staffId, role: principal.staff.role }
    : principal.kind === 'citizen'
      ? { actor: 'applicant', role: 'applicant' }
      : { actor: 'public', role: 'public' };

/** The ownership facts of a case, from what every case stores: the account that filed it and the applicant's ID. */
export const ownershipOf = (filed: {
  readonly applicant: { readonly idType: string; readonly idNumber: string };
  readonly applicantAccount?: { readonly subject: string };
}): CaseOwnership => ({
  ...(filed.applicantAccount ? { applicantSubject: filed.applicantAccount.subject } : {}),
  applicantIdDigest: nationalIdDigest(filed.applicant.idType, filed.applicant.idNumber),
});
