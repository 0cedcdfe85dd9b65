import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { portalTestAssets } from './synthesized';
import { environmentNames } from '../../functions/shared/environment-names';
import { includesAccess, readSecret } from '../../infra/definitions/access';
import { functionDefinitions } from '../../infra/definitions/functions';
import { certificateSigningSecret } from '../../infra/definitions/secrets';

// one synthesis (with real esbuild bundling), shared by the assertions below; cdk-nag runs on it
const { app, stateful, stateless } = buildApp(undefined, { portalAssetsDirectory: portalTestAssets() });
app.synth();
const statefulTemplate = Template.fromStack(stateful);
const statelessTemplate = Template.fromStack(stateless);

const policyStatementsOf = (functionId: string): { Action: string | string[]; Resource: unknown }[] =>
  Object.entries(statelessTemplate.findResources('AWS::IAM::Policy'))
    .filter(([logicalId]) => logicalId.includes(`${functionId}ServiceRoleDefaultPolicy`))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);

const actionsOf = (functionId: string): string[] => policyStatementsOf(functionId).flatMap((statement) => [statement.Action].flat());

describe('given the certificate signing secret', () => {
  it('then the stateful stack generates it and retains it', () => {
    statefulTemplate.resourceCountIs('AWS::SecretsManager::Secret', 1);
    statefulTemplate.hasResource('AWS::SecretsManager::Secret', {
      Properties: { GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }) },
      DeletionPolicy: 'Retain',
    });
  });

  it('then exactly the functions that sign or verify may read it, with GetSecretValue only and on that secret only', () => {
    const readers = functionDefinitions
      .filter((definition) => includesAccess(definition.access, readSecret(certificateSigningSecret)))
      .map((definition) => definition.id);
    expect(readers.sort()).toEqual(['HandleCertificateEvents', 'VerifyCertificate', 'VerifyPresentedCertificate']);
    const holders = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy'))
      .filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument.Statement).includes('secretsmanager:'))
      .map(([logicalId]) => logicalId.replace(/ServiceRoleDefaultPolicy.*$/, ''));
    expect(holders.map((holder) => readers.find((reader) => holder.includes(reader))).sort()).toEqual(readers.sort());
    for (const reader of readers) {
      const secretStatements = policyStatementsOf(reader).filter((statement) => JSON.stringify(statement.Action).includes('secretsmanager:'));
      expect(secretStatements).toEqual([
        { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { 'Fn::ImportValue': expect.stringContaining('CertificateSigningSecret') } },
      ]);
    }
  });

  it('then each signer learns the secret ARN from its environment, and no other certificate function does', () => {
    const functions = Object.entries(statelessTemplate.findResources('AWS::Lambda::Function'));
    const withSecret = functions
      .filter(([, fn]) => fn.Properties.Environment?.Variables?.[environmentNames.certificateSigningSecretArn] !== undefined)
      .map(([logicalId]) => logicalId);
    expect(withSecret).toHaveLength(3);
    expect(withSecret.some((logicalId) => logicalId.includes('ListCertificateLibrary'))).toBe(false);
  });
});

describe('given the certificate functions', () => {
  it('then the public verify route reads the bucket but cannot write it, and the library cannot touch the bucket at all', () => {
    expect(actionsOf('VerifyCertificate')).toEqual(expect.arrayContaining(['s3:GetObject']));
    expect(actionsOf('VerifyCertificate')).not.toContain('s3:PutObject');
    expect(actionsOf('VerifyCertificate')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('ListCertificateLibrary').some((action) => action.startsWith('s3:') || action.startsWith('secretsmanager:'))).toBe(false);
    expect(actionsOf('HandleCertificateEvents')).toEqual(expect.arrayContaining(['s3:PutObject', 'dynamodb:PutItem', 'secretsmanager:GetSecretValue']));
  });

  it('then the certificate queue has a dead-letter queue and is subscribed raw to case events, filtered to completions, provided materials (the last 容缺 one issues) and revocations', () => {
    statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CertificateQueueDeadLetter'), 'Arn'] }, maxReceiveCount: 5 },
      VisibilityTimeout: 360,
    });
    statefulTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CertificateQueue(?!DeadLetter)'), 'Arn'] },
      FilterPolicy: { type: ['CaseCompleted', 'MaterialProvided', 'ApprovalRevoked'] },
    });
    statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('HandleCertificateEvents') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('then the public certificate routes are on the API without a tenant in the path', () => {
    const routeKeys = Object.values(statelessTemplate.findResources('AWS::ApiGatewayV2::Route')).map((route) => route.Properties.RouteKey);
    expect(routeKeys).toEqual(
      expect.arrayContaining([
        'GET /v1/certificates/{certificateNo}/verify',
        'POST /v1/certificates/verification',
        // the holder's own certificates: a citizen route, the holder from the token
        'GET /v1/tenants/{tenantId}/certificate-library',
      ]),
    );
  });
});
