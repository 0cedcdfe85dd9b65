import { environmentNames } from '../../functions/shared/environment-names';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../../infra/app';
import { portalTestAssets } from './synthesized';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkflowTemplate, workflowDefinitions, workflowPlaceholders } from '../../infra/definitions/workflows';
import { deployLoaderDefinitions, functionDefinitions } from '../../infra/definitions/functions';
import { bucketDefinitions } from '../../infra/definitions/buckets';

// one synthesis (with real esbuild bundling of every function) shared by the assertions below
const { app, stateful, stateless } = buildApp(undefined, { portalAssetsDirectory: portalTestAssets() });
const assembly = app.synth();
const statefulTemplate = Template.fromStack(stateful);
const statelessTemplate = Template.fromStack(stateless);

describe('given the synthesized platform', () => {
  it('then cdk-nag AwsSolutions reports no unacknowledged error (synthesis would have failed)', () => {
    expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(['TongbanStateful', 'TongbanStateless']);
  });

  it('then every acknowledgment states a reason', () => {
    const reasons = [stateful, stateless].flatMap((stack) =>
      stack.node
        .findAll()
        .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
        .flatMap((entry) => Object.values(entry.data as Record<string, string>)),
    );
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('given the stateful stack', () => {
  it('then the single table is on-demand, recoverable, deletion-protected, with TTL and both GSIs', () => {
    statefulTemplate.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    statefulTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'GSI1' }), Match.objectLike({ IndexName: 'GSI2' })],
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('then the data buckets (materials, certificates, audit export) are KMS-encrypted, private, versioned and tiered', () => {
    const buckets = statefulTemplate.findResources('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } })] },
      },
    });
    expect(Object.keys(buckets)).toHaveLength(bucketDefinitions.length);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      });
      const transitions = bucket.Properties.LifecycleConfiguration.Rules[0].Transitions.map((transition: { StorageClass: string }) => transition.StorageClass);
      expect(transitions).toEqual(['STANDARD_IA', 'GLACIER_IR']);
    }
  });

  it('then every bucket refuses plain HTTP', () => {
    const policies = Object.values(statefulTemplate.findResources('AWS::S3::BucketPolicy'));
    // the data buckets and the access-log bucket
    expect(policies.length).toBe(bucketDefinitions.length + 1);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('then the department task queue is encrypted and redrives to a dead-letter queue', () => {
    statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
  });
});

describe('given the event relay (outbox)', () => {
  it('then the table streams new images, only inserted case events reach the relay, and the topic refuses plain HTTP', () => {
    statefulTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['CaseEvent'] } } } }) }] },
    });
    statefulTemplate.resourceCountIs('AWS::SNS::Topic', 2);
    const policies = Object.values(statefulTemplate.findResources('AWS::SNS::TopicPolicy'));
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
  });

  it('then every stream mapping sends a batch that failed every retry to an encrypted queue with an alarm, never dropping it', () => {
    const mappings = Object.values(statelessTemplate.findResources('AWS::Lambda::EventSourceMapping')).filter((mapping) =>
      JSON.stringify(mapping.Properties.EventSourceArn).includes('StreamArn'),
    );
    const streamConsumers = functionDefinitions.filter((definition) => definition.trigger.kind === 'tableStream');
    expect(mappings).toHaveLength(streamConsumers.length);
    for (const mapping of mappings) {
      expect(mapping.Properties).toMatchObject({
        MaximumRetryAttempts: 20,
        BisectBatchOnFunctionError: true,
        DestinationConfig: { OnFailure: { Destination: expect.anything() } },
      });
    }
    for (const definition of streamConsumers) {
      const queue = Object.entries(statelessTemplate.findResources('AWS::SQS::Queue')).find(([id]) => id.includes(`${definition.id}StreamFailures`));
      expect(queue?.[1].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const alarm = Object.entries(statelessTemplate.findResources('AWS::CloudWatch::Alarm')).find(([id]) =>
        id.includes(`${definition.id}StreamFailuresAlarm`),
      );
      expect(alarm?.[1].Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });
});

describe('given the stateless stack', () => {
  it('then every platform function runs Node.js 22 on arm64 with active tracing', () => {
    // besides the defined functions: the deploy-time loaders, each with the custom-resource framework whose runtime CDK picks
    // CDK's bucket deployment handler (it copies the portal's build at deploy time) is not a platform function
    const functions = Object.entries(statelessTemplate.findResources('AWS::Lambda::Function'))
      .filter(([logicalId]) => !logicalId.startsWith('CustomCDKBucketDeployment'))
      .map(([, fn]) => fn);
    const ours = functions.filter((fn) => !String(fn.Properties.Description ?? '').includes('AWS CDK resource provider framework'));
    expect(functions).toHaveLength(functionDefinitions.length + 2 * deployLoaderDefinitions.length);
    expect(ours).toHaveLength(functionDefinitions.length + deployLoaderDefinitions.length);
    for (const fn of ours) expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
  });

  it('then the shipped holiday notices load by their own custom resource, and the tenant configuration waits for them', () => {
    const notices = Object.keys(
      statelessTemplate.findResources('Custom::ShippedHolidayNotices', { Properties: { noticesDigest: Match.stringLikeRegexp('^[0-9a-f]{64}$') } }),
    );
    expect(notices).toHaveLength(1);
    const tenantConfigs = Object.values(statelessTemplate.findResources('Custom::TenantConfigs'));
    expect(tenantConfigs).toHaveLength(1);
    expect(tenantConfigs[0]?.DependsOn).toEqual(expect.arrayContaining(notices));
  });

  it('then no deployed function can have its clock moved (the offset is a local drill facility only)', () => {
    // CDK's bucket deployment handler (it copies the portal's build at deploy time) is not a platform function
    const functions = Object.entries(statelessTemplate.findResources('AWS::Lambda::Function'))
      .filter(([logicalId]) => !logicalId.startsWith('CustomCDKBucketDeployment'))
      .map(([, fn]) => fn);
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(JSON.stringify(fn)).not.toContain(environmentNames.localClockOffsetMs);
  });

  it('then staff routes take only a verified ID token, and no deployed function trusts staff headers (every route per audience: identity.test.ts)', () => {
    const staffPaths = functionDefinitions.flatMap((definition) =>
      definition.trigger.kind === 'http' && definition.trigger.audience === 'staff' ? [`${definition.trigger.method} ${definition.trigger.path}`] : [],
    );
    expect(staffPaths).toEqual(
      expect.arrayContaining([
        'POST /v1/tenants/{tenantId}/tasks/{taskId}/decision',
        'POST /v1/tenants/{tenantId}/cases/{caseId}/acceptance',
        'GET /v1/tenants/{tenantId}/audit',
      ]),
    );
    const routes = Object.values(statelessTemplate.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties as { RouteKey: string; AuthorizationType?: string },
    );
    for (const route of routes.filter((candidate) => staffPaths.includes(candidate.RouteKey)))
      expect([route.RouteKey, route.AuthorizationType]).toEqual([route.RouteKey, 'JWT']);
    statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
    for (const fn of Object.values(statelessTemplate.findResources('AWS::Lambda::Function')))
      expect(JSON.stringify(fn)).not.toContain('TONGBAN_TRUST_STAFF_HEADERS');
  });

  it('then staff accounts are administrator-created, MFA-protected, with their county and staff number fixed as attributes', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenantId', Mutable: false }), Match.objectLike({ Name: 'staffId', Mutable: false })]),
    });
  });

  it('then only the notifier may publish staff alerts', () => {
    const publishers = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy')).filter(
      ([, policy]) => JSON.stringify(policy).includes('StaffAlertsTopic') && JSON.stringify(policy).includes('sns:Publish'),
    );
    expect(publishers.map(([id]) => id).join(',')).toMatch(/DeliverNotifications/);
    expect(publishers).toHaveLength(1);
  });

  it('then every HTTP route of the definitions is on the API', () => {
    const routeKeys = Object.values(statelessTemplate.findResources('AWS::ApiGatewayV2::Route')).map((route) => route.Properties.RouteKey);
    const expected = functionDefinitions.flatMap((fn) => (fn.trigger.kind === 'http' ? [`${fn.trigger.method} ${fn.trigger.path}`] : []));
    expect(routeKeys.sort()).toEqual(expected.sort());
  });

  it('then each state machine is Standard, traced, logged and deployed from its one ASL file', () => {
    const machines = Object.entries(statelessTemplate.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(workflowDefinitions.length);
    for (const definition of workflowDefinitions) {
      const machine = machines.find(([logicalId]) => logicalId.startsWith(definition.id))?.[1].Properties;
      expect(machine).toMatchObject({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: expect.objectContaining({ Level: 'ALL', IncludeExecutionData: false }),
      });
      // the definition ships as an asset, byte for byte the file the local runtime runs; CloudFormation fills the placeholders
      const deployedDefinition = readFileSync(join(assembly.directory, `asset.${machine.DefinitionS3Location.Key}`), 'utf8');
      expect(deployedDefinition).toBe(readWorkflowTemplate(definition));
      expect(Object.keys(machine.DefinitionSubstitutions).sort()).toEqual(workflowPlaceholders(definition).sort());
    }
  });

  it('then only intake functions and the reconciler may start executions, and only callback functions may answer tokens', () => {
    const policies = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy'));
    const holders = (action: string) =>
      policies
        .filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument.Statement).includes(`"${action}"`))
        .map(([logicalId]) => logicalId.replace(/ServiceRoleDefaultPolicy.*$/, ''))
        .sort();
    // a case filed at a window starts its acceptance timer like an online one
    expect(holders('states:StartExecution')).toEqual([
      expect.stringContaining('CreateCase'),
      expect.stringContaining('DecideAcceptance'),
      expect.stringContaining('DeemAcceptance'),
      expect.stringContaining('FileCaseAtWindow'),
      expect.stringContaining('ResubmitCase'),
      // sorted by logical id: the Reconciliation context's function comes after Intake's
      expect.stringContaining('ReconcileCases'),
    ]);
    // the deadline recomputation ends a department's wait when a holiday notice moved its deadline (the rescheduled path)
    expect(holders('states:SendTaskSuccess')).toEqual([
      expect.stringContaining('DecideTask'),
      expect.stringContaining('StoreDepartmentTask'),
      expect.stringContaining('RecomputeDeadlines'),
    ]);
  });

  it('then no function policy grants DynamoDB on every index or every table', () => {
    const statements = Object.values(statelessTemplate.findResources('AWS::IAM::Policy')).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((statement) => JSON.stringify(statement.Action).includes('dynamodb:'));
    expect(dynamo.length).toBeGreaterThan(0);
    expect(JSON.stringify(dynamo)).not.toMatch(/index\/\*|"Resource":"\*"/);
  });
});

describe('given supervision and the audit trail', () => {
  it('then the supervision queue takes every event of the case-events topic (no filter) and redrives to a dead-letter queue', () => {
    const subscriptions = Object.values(statefulTemplate.findResources('AWS::SNS::Subscription')).map((subscription) => subscription.Properties);
    const unfiltered = subscriptions.filter((properties) => properties.FilterPolicy === undefined);
    expect(unfiltered).toHaveLength(1);
    expect(unfiltered[0]).toMatchObject({
      Protocol: 'sqs',
      RawMessageDelivery: true,
      Endpoint: { 'Fn::GetAtt': [expect.stringMatching(/^SupervisionQueue/), 'Arn'] },
    });
    statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SupervisionQueueDeadLetter'), 'Arn'] }, maxReceiveCount: 8 },
    });
  });

  it('then a daily schedule invokes the audit export without a tenant list (it reads the county register), and only the export may write the export bucket', () => {
    statelessTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 16 * * ? *)',
      Targets: [Match.objectLike({ Input: JSON.stringify({}), Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ExportAudit'), 'Arn'] } })],
    });
    const writers = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy'))
      .filter(
        ([, policy]) =>
          JSON.stringify(policy.Properties.PolicyDocument.Statement).includes('tongban-audit-export') &&
          JSON.stringify(policy.Properties.PolicyDocument.Statement).includes('s3:PutObject'),
      )
      .map(([logicalId]) => logicalId);
    expect(writers).toEqual([expect.stringContaining('ExportAudit')]);
  });
});

describe('given the working-day calendar alarms', () => {
  const alarmOn = (metricName: string) =>
    Object.values(statelessTemplate.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => alarm.Properties)
      .filter((properties) => properties.MetricName === metricName);

  it('then a deadline reaching a year without a calendar (CalendarNotAvailable) raises an alarm on the first occurrence', () => {
    expect(alarmOn('CalendarNotAvailable')).toEqual([
      expect.objectContaining({
        Namespace: 'Tongban',
        Dimensions: [{ Name: 'service', Value: 'tongban' }],
        Statistic: 'Sum',
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      }),
    ]);
  });

  it('then the daily CalendarNoticeDue >= 1 raises an alarm beside it, which keeps its state on a day without a check', () => {
    expect(alarmOn('CalendarNoticeDue')).toEqual([
      expect.objectContaining({
        Namespace: 'Tongban',
        Dimensions: [{ Name: 'service', Value: 'tongban' }],
        Statistic: 'Maximum',
        Period: 86_400,
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'missing',
        AlarmDescription: expect.stringContaining('npm run calendar:load'),
      }),
    ]);
  });

  it('then a daily schedule invokes the calendar check, which may read the table and write nothing', () => {
    statelessTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 0 * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('CheckCalendar'), 'Arn'] } })],
    });
    const checkPolicies = Object.entries(statelessTemplate.findResources('AWS::IAM::Policy')).filter(([logicalId]) => logicalId.includes('CheckCalendar'));
    expect(checkPolicies).toHaveLength(1);
    const actions = JSON.stringify(checkPolicies.map(([, policy]) => policy.Properties.PolicyDocument.Statement));
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toMatch(/dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)|s3:PutObject|sns:Publish/);
  });
});

describe('given a stack with a violation nobody acknowledged', () => {
  it('then the AwsSolutions checks fail the synthesis, so the zero-error assertion above can fail', () => {
    const probeApp = new App();
    const probe = new Stack(probeApp, 'Probe');
    new Bucket(probe, 'UnprotectedBucket');
    Validations.of(probeApp).addPlugins(new AwsSolutionsChecks(probeApp));
    expect(() => probeApp.synth()).toThrow();
  });
});
