import { z } from 'zod';
import { ValidationError } from './errors';

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

export const tenantIdSchema = z.string().regex(/^\d{6}$/);

/**
 * Staff identity arrives in `x-staff-id`, `x-staff-role` and `x-staff-dept`. On AWS these headers are
 * meant to be written by the authorizer of the staff API (overwriting anything a client sends);
 * locally the caller sets them. The shape is checked here, once.
 */
const staffHeaders = z.object({
  'x-staff-id': z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/),
  'x-staff-role': z.enum(staffRoles),
  'x-staff-dept': z.string().trim().regex(/^[A-Z0-9_-]{1,32}$/).optional(),
});

function staffIdentityFrom(headers: Readonly<Record<string, string | undefined>>): StaffIdentity | undefined {
  if (headers['x-staff-id'] === undefined && headers['x-staff-role'] === undefined) return undefined;
  const parsed = staffHeaders.safeParse(headers);
  if (!parsed.success) {
    throw new ValidationError(
      '工作人员身份信息不完整或格式不正确（x-staff-id、x-staff-role、x-staff-dept）',
      `Invalid staff identity headers; roles: ${staffRoles.join(', ')}`,
      parsed.error.issues.map((issue) => ({ path: `headers.${issue.path.map(String).join('.')}`, message: issue.message })),
      'INVALID_STAFF_IDENTITY',
    );
  }
  const { 'x-staff-id': staffId, 'x-staff-role': role, 'x-staff-dept': deptId } = parsed.data;
  return { staffId, role, ...(deptId ? { deptId } : {}) };
}

export function requestContextFrom(pathTenantId: string | undefined, requestId: string, headers: Readonly<Record<string, string | undefined>> = {}): RequestContext {
  const parsed = tenantIdSchema.safeParse(pathTenantId);
  if (!parsed.success) {
    throw new ValidationError(
      '租户编号应为6位行政区划代码',
      'tenantId must be a 6-digit administrative division code',
      [{ path: 'tenantId', message: 'expected 6 digits' }],
      'INVALID_TENANT_ID',
    );
  }
  const staff = staffIdentityFrom(headers);
  return { tenantId: parsed.data, requestId, ...(staff ? { staff } : {}) };
}
