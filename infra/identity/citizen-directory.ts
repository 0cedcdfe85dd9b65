import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, ClientAttributes, FeaturePlan, Mfa, OAuthScope, StringAttribute, type UserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface CitizenDirectoryProps {
  /** Where the portal receives the authorization code. */
  readonly callbackUrls: readonly string[];
  /** @default - none */
  readonly logoutUrls?: readonly string[];
}

/**
 * The custom attributes trusted code sets (an administrator, a real-name check): 实名等级, the ID digest of a checked
 * identity, and whether the account is a person or an organisation. No app client may write them, so a citizen cannot
 * raise their own trust level or claim someone's ID. Mutable only so that trusted code can set them on an account the
 * citizen created: the client cannot write them at sign-up, and an immutable attribute could then never be set.
 */
export const citizenAttributes = { trustLevel: 'trustLevel', idDigest: 'idDigest', subjectType: 'subjectType' } as const;

/**
 * The citizens' accounts in the global regions: a Cognito user pool of its own (a pool cannot combine required MFA, as
 * staff have, with passwordless sign-in). The phone number is the user name; anyone may sign up, and signs in by choice-based
 * sign-in with a one-time code sent by SMS (the Essentials feature plan). An account starts at L2 (self-declared); what
 * proves more is set by trusted code. The portal's client uses the authorization code grant only and has no secret.
 */
export class CitizenDirectory extends Construct {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: CitizenDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'tongban-citizens',
      selfSignUpEnabled: true,
      signInAliases: { phone: true, username: false, email: false },
      autoVerify: { phone: true },
      keepOriginal: { phone: true },
      featurePlan: FeaturePlan.ESSENTIALS,
      signInPolicy: { allowedFirstAuthFactors: { password: true, smsOtp: true } },
      // Cognito requires password sign-in to stay allowed; a citizen who sets one still needs a strong one
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      mfa: Mfa.OFF,
      accountRecovery: AccountRecovery.PHONE_ONLY_WITHOUT_MFA,
      customAttributes: {
        [citizenAttributes.trustLevel]: new StringAttribute({ minLen: 2, maxLen: 2, mutable: true }),
        [citizenAttributes.idDigest]: new StringAttribute({ minLen: 64, maxLen: 64, mutable: true }),
        [citizenAttributes.subjectType]: new StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG2',
      reason:
        'Citizens sign in passwordless by a one-time SMS code (choice-based sign-in), which Cognito does not combine with required MFA; the code proves possession of the phone, and what a case needs beyond that (real-name level) is a claim set by trusted code, not a second factor.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG8',
      reason:
        'Essentials is the plan that enables one-time SMS codes as a first factor; citizens count in the millions of monthly users, so threat protection (Plus) is left to the staff pool, where accounts are few and powerful.',
    });
    const smsRole = this.userPool.node.tryFindChild('smsRole');
    if (!smsRole) throw new Error('the citizen pool sends SMS codes, so CDK should have created its smsRole');
    Validations.of(smsRole).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        "Cognito sends the sign-in and verification codes as SNS publishes to phone numbers, which have no ARN; the role holds sns:Publish only and only Cognito may assume it, with this pool's external id.",
    });

    this.portalClient = this.userPool.addClient('CitizenPortalClient', {
      // USER_AUTH is choice-based sign-in (the SMS code); SRP for citizens who chose a password; refresh tokens always
      authFlows: { user: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.PHONE, OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        ...(props.logoutUrls && props.logoutUrls.length > 0 ? { logoutUrls: [...props.logoutUrls] } : {}),
      },
      // pinned both ways: an unset list would let the client read and write every attribute
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ phoneNumber: true, phoneNumberVerified: true, fullname: true, locale: true })
        .withCustomAttributes(citizenAttributes.trustLevel, citizenAttributes.idDigest, citizenAttributes.subjectType),
      // the phone number is the user name (sign-up writes it, a change is verified by a code); nothing that says who someone is
      writeAttributes: new ClientAttributes().withStandardAttributes({ phoneNumber: true, locale: true }),
    });
    new CfnOutput(this, 'CitizenUserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'CitizenPortalClientId', { value: this.portalClient.userPoolClientId });
  }
}
