import { Stack } from 'aws-cdk-lib';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { type IdentityAudience, type IdentitySettings, identitySettingsSchema } from '../../functions/shared/identity-settings';
import type { Deployment } from '../deployment';
import { CitizenDirectory } from './citizen-directory';
import { StaffDirectory } from './staff-directory';

export { CitizenDirectory, citizenAttributes } from './citizen-directory';
export { StaffDirectory, staffAttributes } from './staff-directory';

/** A user pool's ID tokens: `iss` is `https://cognito-idp.<region>.<url suffix>/<pool id>`, `aud` the app client id. */
function userPoolIssuer(pool: UserPool, client: UserPoolClient): { issuer: string; audiences: string[] } {
  const stack = Stack.of(pool);
  return { issuer: `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${pool.userPoolId}`, audiences: [client.userPoolClientId] };
}

export interface PlatformIdentity {
  /** Issuer, audiences and claim names per audience: what the JWT authorizers check and what `IDENTITY_SETTINGS` carries. */
  readonly settings: IdentitySettings;
  /** The user pools created for audiences whose provider is `cognito`; none for external issuers. */
  readonly citizenDirectory?: CitizenDirectory;
  readonly staffDirectory?: StaffDirectory;
}

/**
 * The sign-in of a deployment, built in the stateful stack (user pools hold accounts, which outlive any redeploy): a user
 * pool per audience whose provider is `cognito` (construct ids `CitizenDirectory`, `StaffDirectory`, never renamed), and
 * the deployment file's issuer for one whose provider is `oidc`. The settings are parsed by the schema the handlers use,
 * so the stacks cannot hand the functions anything `identitySettings()` would refuse.
 */
export function platformIdentity(scope: Construct, deployment: Deployment): PlatformIdentity {
  const { citizen, staff } = deployment.identity;
  const citizenDirectory = citizen.provider === 'cognito' ? new CitizenDirectory(scope, 'CitizenDirectory', citizen) : undefined;
  const staffDirectory = staff.provider === 'cognito' ? new StaffDirectory(scope, 'StaffDirectory', staff) : undefined;
  const audience = (name: IdentityAudience) => {
    const declared = deployment.identity[name];
    if (declared.provider === 'oidc') return { issuer: declared.issuer, audiences: declared.audiences, claims: declared.claims };
    const directory = name === 'citizen' ? citizenDirectory : staffDirectory;
    if (!directory) throw new Error(`no user pool for the ${name} audience`);
    // a Cognito pool issues the default claim names (its attributes and groups are named for them)
    return { ...userPoolIssuer(directory.userPool, directory.portalClient), claims: {} };
  };
  const settings = identitySettingsSchema.parse({ citizen: audience('citizen'), staff: audience('staff') });
  return { settings, ...(citizenDirectory ? { citizenDirectory } : {}), ...(staffDirectory ? { staffDirectory } : {}) };
}
