import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import aslValidator from 'asl-validator';
import { environmentNames } from '../../functions/shared/environment-names';
import { loadDeployment } from '../../infra/deployment';
import { functionDefinitions, notificationFunctionDefinitions } from '../../infra/definitions/functions';
import { smsGatewaySecret } from '../../infra/definitions/secrets';
import { partitionPlaceholder, workflowDefinitions } from '../../infra/definitions/workflows';
import { actionsOf, everyStatement, synthesize } from './synthesized';

// config/deployments/cn-northwest-1.yaml: AWS China (Ningxia), external OpenID Connect issuers, the county's SMS gateway
const deployment = loadDeployment('cn-northwest-1');
const { assembly, stateful, stateless, statefulTemplate, statelessTemplate } = synthesize('cn-northwest-1');
const templates = { TongbanStateful: statefulTemplate, TongbanStateless: statelessTemplate };

type Resource = { Type: string; Properties: Record<string, unknown> };
const resources = (template: typeof statefulTemplate, type: string): [string, Resource][] =>
  Object.entries(template.findResources(type)) as [string, Resource][];

/** The ASL each state machine deploys (its asset), as CloudFormation fills it: the placeholders by their substitutions. */
const deployedDefinitions = resources(statelessTemplate, 'AWS::StepFunctions::StateMachine').map(([logicalId, machine]) => {
  const location = machine.Properties.DefinitionS3Location as { Key: string };
  const substitutions = machine.Properties.DefinitionSubstitutions as Record<string, unknown>;
  return { logicalId, asset: readFileSync(join(assembly.directory, `asset.${location.Key}`), 'utf8'), substitutions };
});

describe('given the Ningxia deployment (aws-cn) synthesized', () => {
  it('then both stacks are built for cn-northwest-1 and cdk-nag AwsSolutions reports no unacknowledged error', () => {
    expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(['TongbanStateful', 'TongbanStateless']);
    expect([stateful.region, stateless.region]).toEqual(['cn-northwest-1', 'cn-northwest-1']);
  });

  it.each(Object.entries(templates))('then the %s template holds no `arn:aws:` literal (every ARN names its partition)', (_name, template) => {
    const text = JSON.stringify(template.toJSON());
    expect(text.length).toBeGreaterThan(1000);
    expect(text.match(/arn:aws:[^"]*/g) ?? []).toEqual([]);
  });

  it('then each state machine deploys its one ASL file, whose integration ARNs take the partition from the stack, and no `arn:aws:` literal', () => {
    expect(deployedDefinitions).toHaveLength(workflowDefinitions.length);
    for (const { asset, substitutions } of deployedDefinitions) {
      expect(asset).not.toContain('arn:aws:');
      const resourceArns = [...asset.matchAll(/"Resource":\s*"([^"]+)"/g)].map((match) => match[1]);
      expect(resourceArns.length).toBeGreaterThan(0);
      for (const arn of resourceArns) expect(arn).toMatch(new RegExp(`^arn:\\$\\{${partitionPlaceholder}\\}:states:::`));
      expect(substitutions[partitionPlaceholder]).toEqual({ Ref: 'AWS::Partition' });
    }
  });

  it('then the ASL filled for aws-cn is valid Amazon States Language', () => {
    for (const { asset } of deployedDefinitions) {
      const filled = asset.replace(/\$\{(\w+)\}/g, (_, name: string) =>
        name === partitionPlaceholder
          ? 'aws-cn'
          : name.endsWith('Url')
            ? 'https://sqs.cn-northwest-1.amazonaws.com.cn/123456789012/q'
            : `arn:aws-cn:lambda:cn-northwest-1:123456789012:function:${name}`,
      );
      expect(filled).toContain('arn:aws-cn:states:::');
      const { isValid, errorsText } = aslValidator(JSON.parse(filled) as never);
      expect(errorsText()).toBe('');
      expect(isValid).toBe(true);
    }
  });
});

describe('given sign-in in the Ningxia deployment', () => {
  const { citizen, staff } = deployment.identity;
  if (citizen.provider !== 'oidc' || staff.provider !== 'oidc') throw new Error('the Ningxia deployment names external issuers');

  it('then no Cognito resource is created in either stack (user pools are not offered in aws-cn)', () => {
    for (const template of Object.values(templates)) expect(JSON.stringify(template.toJSON())).not.toMatch(/AWS::Cognito::/);
  });

  it("then the citizen and staff JWT authorizers take the deployment file's issuers and audiences", () => {
    const authorizers = Object.fromEntries(
      resources(statelessTemplate, 'AWS::ApiGatewayV2::Authorizer').map(([, authorizer]) => [authorizer.Properties.Name, authorizer.Properties]),
    );
    expect(authorizers).toEqual({
      CitizenAuthorizer: expect.objectContaining({ AuthorizerType: 'JWT', JwtConfiguration: { Issuer: citizen.issuer, Audience: citizen.audiences } }),
      StaffAuthorizer: expect.objectContaining({ AuthorizerType: 'JWT', JwtConfiguration: { Issuer: staff.issuer, Audience: staff.audiences } }),
    });
  });

  it("then every HTTP function gets the file's issuers, audiences and claim names in IDENTITY_SETTINGS", () => {
    const expected = {
      citizen: { issuer: citizen.issuer, audiences: citizen.audiences, claims: citizen.claims },
      staff: { issuer: staff.issuer, audiences: staff.audiences, claims: staff.claims },
    };
    const functions = resources(statelessTemplate, 'AWS::Lambda::Function');
    const httpIds = functionDefinitions.flatMap((definition) => (definition.trigger.kind === 'http' ? [definition.id] : []));
    expect(httpIds.length).toBeGreaterThan(30);
    for (const id of httpIds) {
      const [, fn] = functions.find(([logicalId]) => new RegExp(`^[A-Z][a-z]+${id}[0-9A-F]{8}$`).test(logicalId)) as [string, Resource];
      const value = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables[environmentNames.identitySettings];
      expect(JSON.parse(value as string)).toEqual(expected);
    }
  });
});

describe('given text messages in the Ningxia deployment', () => {
  const [notifier] = notificationFunctionDefinitions;
  if (!notifier) throw new Error('no notifier');
  const notifierFunction = () => {
    const found = resources(statelessTemplate, 'AWS::Lambda::Function').find(([logicalId]) => logicalId.startsWith(`Notifications${notifier.id}`));
    return (found?.[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
  };

  it('then no policy of either stack grants sns:Publish to any resource but a topic (no SMS through SNS)', () => {
    for (const template of Object.values(templates)) {
      const publishes = everyStatement(template).filter(({ statement }) =>
        actionsOf(statement).some((action) => action === 'sns:Publish' || action === 'sns:*'),
      );
      for (const { statement } of publishes) expect(JSON.stringify(statement.Resource)).toMatch(/Topic/);
      expect(JSON.stringify(publishes)).not.toContain('"Resource":"*"');
    }
  });

  it("then the notifier is told the channel, the gateway's URL from the file and the secret that holds its token", () => {
    if (deployment.sms.channel !== 'http-gateway') throw new Error('the Ningxia deployment texts through its gateway');
    const variables = notifierFunction();
    expect(variables[environmentNames.notificationChannel]).toBe('http-gateway');
    expect(variables[environmentNames.smsGatewayUrl]).toBe(deployment.sms.url);
    expect(JSON.stringify(variables[environmentNames.smsGatewaySecretArn])).toContain(smsGatewaySecret.id);
  });

  it('then the gateway secret is created, retained, and readable by the notifier alone, with GetSecretValue only', () => {
    statefulTemplate.hasResource('AWS::SecretsManager::Secret', { Properties: { Description: smsGatewaySecret.description }, DeletionPolicy: 'Retain' });
    const readers = everyStatement(statelessTemplate).filter(({ statement }) => JSON.stringify(statement.Resource).includes(smsGatewaySecret.id));
    expect(readers.map(({ owner }) => owner)).toEqual([expect.stringMatching(new RegExp(`^Notifications${notifier.id}ServiceRoleDefaultPolicy`))]);
    expect(readers.flatMap(({ statement }) => actionsOf(statement))).toEqual(['secretsmanager:GetSecretValue']);
  });
});
