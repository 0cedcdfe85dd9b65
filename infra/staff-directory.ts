import { CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, StringAttribute, type UserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * The staff accounts (实名制): a Cognito user pool the county's IT office administers. Each account
 * carries the person's county, staff number, role and department as custom attributes; they reach
 * the staff routes as claims of the ID token, which API Gateway verifies before any function runs.
 * No self sign-up, MFA required, no self-service recovery (an administrator resets).
 */
export class StaffDirectory extends Construct {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;

  constructor(scope: Construct, id: string) {
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
      customAttributes: {
        // the claim names are in functions/shared/staff-claims.ts
        tenantId: new StringAttribute({ minLen: 6, maxLen: 6, mutable: false }),
        staffId: new StringAttribute({ minLen: 1, maxLen: 32, mutable: false }),
        staffRole: new StringAttribute({ minLen: 1, maxLen: 20, mutable: true }),
        deptId: new StringAttribute({ minLen: 0, maxLen: 32, mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.portalClient = this.userPool.addClient('StaffPortalClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
    });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'StaffPortalClientId', { value: this.portalClient.userPoolClientId });
  }
}
