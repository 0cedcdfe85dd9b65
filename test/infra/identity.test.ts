import { staffRoles } from '../../functions/kernel/principal';
import { environmentNames } from '../../functions/shared/environment-names';
import { identitySettingsSchema } from '../../functions/shared/identity-settings';
import { functionDefinitions } from '../../infra/definitions/functions';
import { synthesize } from './synthesized';

// the default deployment (config/deployments/default.yaml): Cognito for citizens and for staff
const { assembly, statefulTemplate, statelessTemplate } = synthesize('default');

type Resource = { Type: string; Properties: Record<string, unknown> };
const resources = (template: typeof statefulTemplate, type: string): [string, Resource][] =>
  Object.entries(template.findResources(type)) as [string, Resource][];
const only = (template: typeof statefulTemplate, type: string, idPrefix: string): [string, Resource] => {
  const found = resources(template, type).filter(([logicalId]) => logicalId.startsWith(idPrefix));
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
};

/** The stateful logical id an `Fn::ImportValue` of the stateless stack reads (a Ref exported by the stateful stack). */
function exportedRef(value: unknown): string {
  const importName = (value as { 'Fn::ImportValue'?: string })['Fn::ImportValue'];
  const output = Object.values(statefulTemplate.toJSON().Outputs as Record<string, { Value: { Ref?: string }; Export?: { Name: string } }>).find(
    (candidate) => candidate.Export?.Name === importName,
  );
  if (!output?.Value.Ref) throw new Error(`${JSON.stringify(value)} is not an import of a stateful Ref`);
  return output.Value.Ref;
}

/** A CloudFormation string with its references written out (`<Ref:AWS::Region>`, `<Import:LogicalId>`), to read it as text. */
function rendered(value: unknown): string {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(rendered).join(separator);
  }
  if ('Ref' in object) return `<Ref:${String(object.Ref)}>`;
  if ('Fn::ImportValue' in object) return `<Import:${exportedRef(object)}>`;
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

const [citizenPoolId] = only(statefulTemplate, 'AWS::Cognito::UserPool', 'CitizenDirectoryUserPool');
const [staffPoolId, staffPool] = only(statefulTemplate, 'AWS::Cognito::UserPool', 'StaffDirectoryUserPool');
const [citizenClientId, citizenClient] = only(statefulTemplate, 'AWS::Cognito::UserPoolClient', 'CitizenDirectoryUserPoolCitizenPortalClient');
const [staffClientId, staffClient] = only(statefulTemplate, 'AWS::Cognito::UserPoolClient', 'StaffDirectoryUserPoolStaffPortalClient');
const issuerOf = (poolId: string) => `https://cognito-idp.<Ref:AWS::Region>.<Ref:AWS::URLSuffix>/<Import:${poolId}>`;

describe('given the default deployment synthesized', () => {
  it('then cdk-nag AwsSolutions reports no unacknowledged error (synthesis would have failed)', () => {
    expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(['TongbanStateful', 'TongbanStateless']);
  });

  it('then the staff pool, its client and the staff authorizer keep the logical ids they were first deployed with', () => {
    expect(staffPoolId).toBe('StaffDirectoryUserPool4BA5A0C6');
    expect(staffClientId).toBe('StaffDirectoryUserPoolStaffPortalClient4D103122');
    expect(resources(statelessTemplate, 'AWS::ApiGatewayV2::Authorizer').map(([logicalId]) => logicalId)).toContain('HttpApiStaffAuthorizerB7843251');
  });
});

describe('given the HTTP API of the default deployment', () => {
  const authorizers = resources(statelessTemplate, 'AWS::ApiGatewayV2::Authorizer');
  const authorizerOf = (name: string) => authorizers.find(([, authorizer]) => authorizer.Properties.Name === name) as [string, Resource];

  it('then there are two JWT authorizers, citizens and staff, each taking the ID token of its own user pool and app client', () => {
    expect(authorizers).toHaveLength(2);
    for (const [name, poolId, clientId] of [
      ['CitizenAuthorizer', citizenPoolId, citizenClientId],
      ['StaffAuthorizer', staffPoolId, staffClientId],
    ] as const) {
      const [, authorizer] = authorizerOf(name);
      expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
      const { Issuer, Audience } = authorizer.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
      expect(rendered(Issuer)).toBe(issuerOf(poolId));
      expect(Audience.map(exportedRef)).toEqual([clientId]);
    }
  });

  it('then every route that is not public has the JWT authorizer of its audience, and public routes none', () => {
    // Prepare
    const audienceOf = new Map<string, string>(
      functionDefinitions.flatMap((definition) =>
        definition.trigger.kind === 'http' ? [[`${definition.trigger.method} ${definition.trigger.path}`, definition.trigger.audience] as const] : [],
      ),
    );
    const citizenAuthorizer = authorizerOf('CitizenAuthorizer')[0];
    const staffAuthorizer = authorizerOf('StaffAuthorizer')[0];

    // Act
    const routes = resources(statelessTemplate, 'AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties as { RouteKey: string; AuthorizationType?: string; AuthorizerId?: { Ref: string } },
    );

    // Assess
    expect(routes.length).toBe(audienceOf.size);
    expect(new Set(audienceOf.values())).toEqual(new Set(['public', 'citizen', 'staff']));
    for (const route of routes) {
      const audience = audienceOf.get(route.RouteKey);
      const expected =
        audience === 'public'
          ? { type: 'NONE', authorizer: undefined }
          : { type: 'JWT', authorizer: audience === 'citizen' ? citizenAuthorizer : staffAuthorizer };
      expect([route.RouteKey, route.AuthorizationType ?? 'NONE', route.AuthorizerId?.Ref]).toEqual([route.RouteKey, expected.type, expected.authorizer]);
    }
  });

  it('then every HTTP function is told the issuers, audiences and claim names (IDENTITY_SETTINGS), as the handlers parse them', () => {
    const httpIds = functionDefinitions.flatMap((definition) => (definition.trigger.kind === 'http' ? [definition.id] : []));
    const functions = resources(statelessTemplate, 'AWS::Lambda::Function');
    for (const id of httpIds) {
      const [, fn] = functions.find(([logicalId]) => new RegExp(`^[A-Z][a-z]+${id}[0-9A-F]{8}$`).test(logicalId)) as [string, Resource];
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const settings = identitySettingsSchema.parse(JSON.parse(rendered(variables[environmentNames.identitySettings])));
      expect(settings).toEqual({
        citizen: {
          issuer: issuerOf(citizenPoolId),
          audiences: [`<Import:${citizenClientId}>`],
          claims: { subject: 'sub', trustLevel: 'custom:trustLevel', idDigest: 'custom:idDigest', subjectType: 'custom:subjectType', name: 'name' },
        },
        staff: {
          issuer: issuerOf(staffPoolId),
          audiences: [`<Import:${staffClientId}>`],
          claims: { tenantId: 'custom:tenantId', staffId: 'custom:staffId', role: 'cognito:groups', deptId: 'custom:deptId', name: 'name' },
        },
      });
    }
    // the local-only header switch stays off every deployed function
    for (const [, fn] of functions) expect(JSON.stringify(fn)).not.toContain('TONGBAN_TRUST_STAFF_HEADERS');
  });

  it('then the stacks output the pools, the app clients and the issuers for the web apps and operators', () => {
    const statefulOutputs = Object.keys(statefulTemplate.toJSON().Outputs as object);
    for (const name of ['CitizenUserPoolId', 'CitizenPortalClientId', 'StaffUserPoolId', 'StaffPortalClientId'])
      expect(statefulOutputs).toContainEqual(expect.stringContaining(name));
    const statelessOutputs = statelessTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(rendered(statelessOutputs.CitizenIssuer?.Value)).toBe(issuerOf(citizenPoolId));
    expect(rendered(statelessOutputs.StaffIssuer?.Value)).toBe(issuerOf(staffPoolId));
    expect(Object.keys(statelessOutputs)).toEqual(expect.arrayContaining(['CitizenAudiences', 'StaffAudiences']));
  });
});

describe('given the staff user pool', () => {
  it('then accounts are administrator-created and MFA-protected, and county and staff number are immutable attributes', () => {
    expect(staffPool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      DeletionProtection: 'ACTIVE',
    });
    const schema = staffPool.Properties.Schema as { Name: string; Mutable: boolean }[];
    expect(schema).toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: 'tenantId', Mutable: false }), expect.objectContaining({ Name: 'staffId', Mutable: false })]),
    );
  });

  it('then the role is a group, one per staff role, and only administrators put an account in one', () => {
    const groups = resources(statefulTemplate, 'AWS::Cognito::UserPoolGroup').map(
      ([, group]) => group.Properties as { GroupName: string; UserPoolId: { Ref: string } },
    );
    expect(groups.map((group) => group.GroupName).sort()).toEqual([...staffRoles].sort());
    for (const group of groups) expect(group.UserPoolId).toEqual({ Ref: staffPoolId });
  });

  it("then its app client can write neither role, department, county nor staff number, and reads the person's attributes but not the legacy role", () => {
    const { ReadAttributes, WriteAttributes } = staffClient.Properties as { ReadAttributes: string[]; WriteAttributes: string[] };
    // an empty or missing list would mean every attribute
    expect(WriteAttributes.length).toBeGreaterThan(0);
    expect(ReadAttributes.length).toBeGreaterThan(0);
    for (const attribute of ['custom:tenantId', 'custom:staffId', 'custom:deptId', 'custom:staffRole', 'name'])
      expect(WriteAttributes).not.toContain(attribute);
    expect(ReadAttributes).toEqual(expect.arrayContaining(['custom:tenantId', 'custom:staffId', 'custom:deptId']));
    expect(ReadAttributes).not.toContain('custom:staffRole');
  });
});

describe('given the citizen user pool', () => {
  const [, citizenPool] = only(statefulTemplate, 'AWS::Cognito::UserPool', 'CitizenDirectoryUserPool');

  it('then the phone number is the user name, anyone may sign up, and the first factor may be a one-time SMS code (Essentials)', () => {
    expect(citizenPool.Properties).toMatchObject({
      UsernameAttributes: ['phone_number'],
      AutoVerifiedAttributes: ['phone_number'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      UserPoolTier: 'ESSENTIALS',
      DeletionProtection: 'ACTIVE',
      Policies: expect.objectContaining({ SignInPolicy: { AllowedFirstAuthFactors: expect.arrayContaining(['SMS_OTP']) } }),
    });
    expect(citizenClient.Properties.ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
  });

  it('then trust level, ID digest and subject type are attributes its app client reads but cannot write', () => {
    const schema = (citizenPool.Properties.Schema as { Name: string }[]).map((attribute) => attribute.Name);
    expect(schema).toEqual(expect.arrayContaining(['trustLevel', 'idDigest', 'subjectType']));
    const { ReadAttributes, WriteAttributes } = citizenClient.Properties as { ReadAttributes: string[]; WriteAttributes: string[] };
    expect(WriteAttributes.length).toBeGreaterThan(0);
    expect(WriteAttributes.filter((attribute) => attribute.startsWith('custom:') || attribute === 'name')).toEqual([]);
    expect(ReadAttributes).toEqual(expect.arrayContaining(['custom:trustLevel', 'custom:idDigest', 'custom:subjectType', 'phone_number']));
  });
});

describe('given the app clients of both pools', () => {
  it('then each signs in by the authorization code grant only (no implicit flow, no client credentials) and has no secret', () => {
    const clients = resources(statefulTemplate, 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(2);
    for (const [, client] of clients) {
      expect(client.Properties).toMatchObject({ AllowedOAuthFlows: ['code'], GenerateSecret: false, PreventUserExistenceErrors: 'ENABLED' });
      expect(client.Properties.AllowedOAuthScopes).toContain('openid');
    }
  });
});
