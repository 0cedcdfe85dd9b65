import { CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  type UserPoolClient,
  UserPool,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type StaffRole, staffRoles, staffRoleLabels } from '../../functions/kernel/principal';

export interface StaffDirectoryProps {
  /** Where the workbench receives the authorization code. */
  readonly callbackUrls: readonly string[];
  /** @default - none */
  readonly logoutUrls?: readonly string[];
}

/**
 * The custom attributes an account carries, set by administrators only: no app client may write them (`writeAttributes`).
 * `staffRole` is a legacy attribute, kept because Cognito cannot remove an attribute from a pool: the role is the account's
 * group now, and no client reads or writes `staffRole`.
 */
export const staffAttributes = { tenantId: 'tenantId', staffId: 'staffId', deptId: 'deptId', legacyRole: 'staffRole' } as const;

/**
 * The staff accounts (实名制): a Cognito user pool the county's IT office administers. An account carries the person's
 * county, staff number and department as custom attributes and its role as its group (one group per role, `cognito:groups`
 * in the ID token); API Gateway verifies the token before any function runs. No self sign-up, MFA required, no
 * self-service recovery (an administrator resets). The app client signs in by the authorization code grant only and
 * can write none of the attributes that say who someone is.
 */
export class StaffDirectory extends Construct {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;
  /** One group per staff role, named as the role (`window`, `handler`, …). */
  readonly roleGroups: ReadonlyMap<StaffRole, UserPoolGroup>;

  constructor(scope: Construct, id: string, props: StaffDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'tongban-staff',
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      accountRecovery: AccountRecovery.NONE,
      // staff accounts number in the hundreds per county: threat protection costs little and blocks credential stuffing
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      // the attributes keep their original definitions: Cognito refuses any change to an existing attribute
      customAttributes: {
        [staffAttributes.tenantId]: new StringAttribute({ minLen: 6, maxLen: 6, mutable: false }),
        [staffAttributes.staffId]: new StringAttribute({ minLen: 1, maxLen: 32, mutable: false }),
        [staffAttributes.legacyRole]: new StringAttribute({ minLen: 1, maxLen: 20, mutable: true }),
        // mutable for administrators (a transfer to another department); no app client may write it
        [staffAttributes.deptId]: new StringAttribute({ minLen: 0, maxLen: 32, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // an account is in one group, added by an administrator (AdminAddUserToGroup); precedence only orders `cognito:groups`
    this.roleGroups = new Map(
      staffRoles.map((role, index) => [
        role,
        this.userPool.addGroup(`${groupIdOf(role)}Group`, {
          groupName: role,
          description: `Tongban ${staffRoleLabels[role]} (${role})`,
          precedence: staffRoles.length - index,
        }),
      ]),
    );

    this.portalClient = this.userPool.addClient('StaffPortalClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        ...(props.logoutUrls && props.logoutUrls.length > 0 ? { logoutUrls: [...props.logoutUrls] } : {}),
      },
      // pinned both ways: an unset list would let the client read and write every attribute
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ fullname: true, locale: true })
        .withCustomAttributes(staffAttributes.tenantId, staffAttributes.staffId, staffAttributes.deptId),
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'StaffPortalClientId', { value: this.portalClient.userPoolClientId });
  }
}

/** `department_head` → `DepartmentHead`: the construct id of a role's group (stable, derived from the role). */
const groupIdOf = (role: StaffRole): string =>
  role
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
