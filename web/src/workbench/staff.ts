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
