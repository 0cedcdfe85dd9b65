import { environmentNames } from './environment-names';

/**
 * Staff sign in to a Cognito user pool; each account carries who the person is in custom
 * attributes, which arrive as JWT claims on the staff routes. The names are shared by the stack
 * that creates the pool and by the edge code that reads the claims.
 */
export const staffClaims = {
  tenantId: 'custom:tenantId',
  staffId: 'custom:staffId',
  role: 'custom:staffRole',
  deptId: 'custom:deptId',
} as const;

/**
 * Only the local platform sets this: there the caller's `x-staff-*` headers stand in for a signed-in
 * account. No deployed function has it (an infra test checks), so on AWS headers are never trusted.
 */
export const TRUST_STAFF_HEADERS_VARIABLE = environmentNames.trustStaffHeaders;
