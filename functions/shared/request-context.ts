import { z } from 'zod';
import { tenantIdSchema } from '../kernel/ids';
import { type CitizenIdentity, type Principal, type StaffIdentity, staffRoles, type TrustLevel } from '../kernel/principal';
import { ForbiddenError, UnauthenticatedError, ValidationError } from './errors';
import { type IdentitySettings, identitySettings } from './identity-settings';

export { staffRoles, type StaffIdentity, type StaffRole } from '../kernel/principal';

/**
 * Who is asking, for which tenant. Built once at the edge and handed to every use case, so the tenant is
 * never read from a body and the caller never from a header or a body: only from the claims of an ID token
 * that API Gateway's JWT authorizer (locally, infra/local/http-api.ts, the same checks) verified.
 */
export interface RequestContext {
  readonly tenantId: string;
  readonly requestId: string;
  readonly principal: Principal;
  /** The principal when it is a member of staff (a shorthand the staff use cases read). */
  readonly staff?: StaffIdentity;
  /** The principal when it is a citizen. */
  readonly citizen?: CitizenIdentity;
}

/** Verified claims as API Gateway hands them over: every value a string, a list claim as `[a b c]`. */
export type VerifiedClaims = Readonly<Record<string, unknown>>;

const staffIdentitySchema = z.object({
  staffId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/),
  role: z.enum(staffRoles),
  deptId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_-]{1,32}$/)
    .optional(),
});

const invalidToken = (what: string, details?: { path: string; message: string }[]) =>
  new ValidationError('登录凭证中的身份信息不完整或格式不正确', `The ID token does not carry a valid ${what}`, details, 'INVALID_IDENTITY_CLAIMS');

/** A claim that may be a list (Cognito groups): API Gateway renders it `[a b]`; a provider may send JSON or commas. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1);
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: API Gateway's own rendering, space separated
    }
    return inner.split(/[\s,]+/).filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
}

function staffFrom(tenantId: string, claims: VerifiedClaims, names: IdentitySettings['staff']['claims']): StaffIdentity {
  if (claims[names.tenantId] !== tenantId) {
    throw new ForbiddenError('您的账号不属于该县（区），无权办理', 'Your account belongs to another tenant', 'STAFF_OF_OTHER_TENANT');
  }
  const role = listOf(claims[names.role]).find((candidate) => (staffRoles as readonly string[]).includes(candidate));
  const deptClaim = claims[names.deptId];
  const parsed = staffIdentitySchema.safeParse({
    staffId: claims[names.staffId],
    role,
    deptId: typeof deptClaim === 'string' && deptClaim.trim() !== '' ? deptClaim : undefined,
  });
  if (!parsed.success) {
    throw invalidToken(
      `staff identity (roles: ${staffRoles.join(', ')})`,
      parsed.error.issues.map((issue) => ({ path: `claims.${issue.path.map(String).join('.')}`, message: issue.message })),
    );
  }
  const { staffId, deptId } = parsed.data;
  return { staffId, role: parsed.data.role, ...(deptId ? { deptId } : {}) };
}

const trustLevels: readonly TrustLevel[] = ['L1', 'L2', 'L3', 'L4', 'L5'];

function citizenFrom(claims: VerifiedClaims, names: IdentitySettings['citizen']['claims']): CitizenIdentity {
  const subject = claims[names.subject];
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 128) throw invalidToken('subject (sub)');
  const level = String(claims[names.trustLevel] ?? '').toUpperCase();
  const digest = claims[names.idDigest];
  return {
    subject,
    subjectType: claims[names.subjectType] === 'organisation' ? 'organisation' : 'person',
    // a provider that says nothing about the check has not checked: the lowest level
    trustLevel: trustLevels.includes(level as TrustLevel) ? (level as TrustLevel) : 'L1',
    ...(typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest) ? { idDigest: digest } : {}),
  };
}

const audienceOf = (claims: VerifiedClaims): string[] => [...listOf(claims.aud), ...listOf(claims.client_id)];

/** Which audience's issuer signed the token, by `iss` and `aud`; a token of neither is no sign-in at all. */
function principalFrom(tenantId: string, claims: VerifiedClaims | undefined): Principal {
  if (!claims) return { kind: 'public' };
  const settings = identitySettings();
  const issuedFor = (audience: IdentitySettings['citizen'] | IdentitySettings['staff']) =>
    claims.iss === audience.issuer && audienceOf(claims).some((aud) => audience.audiences.includes(aud));
  if (settings && issuedFor(settings.staff)) return { kind: 'staff', staff: staffFrom(tenantId, claims, settings.staff.claims) };
  if (settings && issuedFor(settings.citizen)) return { kind: 'citizen', citizen: citizenFrom(claims, settings.citizen.claims) };
  throw new UnauthenticatedError('登录凭证不是本平台签发的', 'The token was not issued for this platform', 'UNAUTHENTICATED');
}

export function requestContextFrom(
  pathTenantId: string | undefined,
  requestId: string,
  /** The verified JWT claims (API Gateway's JWT authorizer), on a route that has one and when a token came. */
  claims?: VerifiedClaims,
): RequestContext {
  const parsed = tenantIdSchema.safeParse(pathTenantId);
  if (!parsed.success) {
    throw new ValidationError(
      '租户编号应为6位行政区划代码',
      'tenantId must be a 6-digit administrative division code',
      [{ path: 'tenantId', message: 'expected 6 digits' }],
      'INVALID_TENANT_ID',
    );
  }
  const principal = principalFrom(parsed.data, claims);
  return {
    tenantId: parsed.data,
    requestId,
    principal,
    ...(principal.kind === 'staff' ? { staff: principal.staff } : {}),
    ...(principal.kind === 'citizen' ? { citizen: principal.citizen } : {}),
  };
}
