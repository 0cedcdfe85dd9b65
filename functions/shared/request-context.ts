import { z } from 'zod';
import { tenantIdSchema } from '../kernel/ids';
import { staffClaims, TRUST_STAFF_HEADERS_VARIABLE } from './staff-claims';
import { ForbiddenError, ValidationError } from './errors';

/** What a member of staff does in the platform (实名制: every step has a named handler with a role). */
export const staffRoles = ['window', 'handler', 'department_head', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A named member of staff acting through the API; absent when the caller is the applicant or the public. */
export interface StaffIdentity {
  readonly staffId: string;
  readonly role: StaffRole;
  /** The department the person works for, when they work for one. */
  readonly deptId?: string;
}

/**
 * Who is asking, for which tenant. Built once at the edge and handed to every use case, so the
 * tenant is never read from a body or scattered across handlers.
 */
export interface RequestContext {
  readonly tenantId: string;
  readonly requestId: string;
  readonly staff?: StaffIdentity;
}

/**
 * Staff identity. On AWS it comes only from the claims of the JWT the staff authorizer verified
 * (a Cognito account with the person's tenant, id, role and department). Locally the caller's
 * `x-staff-id`, `x-staff-role` and `x-staff-dept` headers stand in for it; on AWS those headers are
 * ignored, so nobody becomes staff by sending them. The shape is checked here, once.
 */
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

function parsedStaff(candidate: Record<string, unknown>, where: string): StaffIdentity {
  const parsed = staffIdentitySchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ValidationError(
      '工作人员身份信息不完整或格式不正确（x-staff-id、x-staff-role、x-staff-dept）',
      `Invalid staff identity; roles: ${staffRoles.join(', ')}`,
      parsed.error.issues.map((issue) => ({ path: `${where}.${issue.path.map(String).join('.')}`, message: issue.message })),
      'INVALID_STAFF_IDENTITY',
    );
  }
  const { staffId, role, deptId } = parsed.data;
  return { staffId, role, ...(deptId ? { deptId } : {}) };
}

/** Who the verified token says the caller is; staff of another county are refused, never served. */
function staffFromClaims(tenantId: string, claims: Readonly<Record<string, unknown>>): StaffIdentity {
  if (claims[staffClaims.tenantId] !== tenantId) {
    throw new ForbiddenError('您的账号不属于该县（区），无权办理', 'Your account belongs to another tenant', 'STAFF_OF_OTHER_TENANT');
  }
  return parsedStaff({ staffId: claims[staffClaims.staffId], role: claims[staffClaims.role], deptId: claims[staffClaims.deptId] || undefined }, 'claims');
}

function staffFromHeaders(headers: Readonly<Record<string, string | undefined>>): StaffIdentity | undefined {
  if (process.env[TRUST_STAFF_HEADERS_VARIABLE] !== 'true') return undefined;
  if (headers['x-staff-id'] === undefined && headers['x-staff-role'] === undefined) return undefined;
  return parsedStaff({ staffId: headers['x-staff-id'], role: headers['x-staff-role'], deptId: headers['x-staff-dept'] }, 'headers');
}

export function requestContextFrom(
  pathTenantId: string | undefined,
  requestId: string,
  headers: Readonly<Record<string, string | undefined>> = {},
  /** The verified JWT claims of a staff route (API Gateway's JWT authorizer), when there are any. */
  claims?: Readonly<Record<string, unknown>>,
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
  const staff = claims ? staffFromClaims(parsed.data, claims) : staffFromHeaders(headers);
  return { tenantId: parsed.data, requestId, ...(staff ? { staff } : {}) };
}
