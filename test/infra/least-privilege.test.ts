import { App, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { keys } from '../../functions/shared/table/keys';
import { environmentNames } from '../../functions/shared/environment-names';
import { grantObjectAccess } from '../../infra/context-functions';
import { includesAccess, readTable, writeAuditTrail, writesTable } from '../../infra/definitions/access';
import { auditExportBucket, bucketDefinitions, certificatesBucket, materialsBucket } from '../../infra/definitions/buckets';
import { deployLoaderDefinitions, type FunctionDefinition, functionDefinitions } from '../../infra/definitions/functions';
import { smsGatewaySecret } from '../../infra/definitions/secrets';
import { auditPartitions, idempotencyPartitions, platformFunction } from '../../infra/platform-function';
import { actionsOf, everyStatement, type Statement, statementsOf, synthesize } from './synthesized';

// the default deployment; the Ningxia one grants the same table and bucket access (test/infra/china-deployment.test.ts covers SMS)
const { stateless, statelessTemplate, statefulTemplate } = synthesize('default');

const put = 'dynamodb:PutItem';
const update = 'dynamodb:UpdateItem';
const check = 'dynamodb:ConditionCheckItem';
const reads = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];

/**
 * The table writes of each handler, checked against what its adapters send (functions/<context>/adapters and
 * functions/shared/table): a new revision, a new item or a timeline event is a Put (also inside TransactWriteItems); only
 * department tasks (their callback token stays), supervision counters and certificate revocations are updated in place;
 * a ConditionCheck guards puts on the case's status; `idempotent` HTTP routes put and release `Idempotency-Key` records.
 * A handler that writes and is missing here fails the test below: read its adapters and add it.
 */
const tableWritesOf: Readonly<Record<string, { readonly actions: readonly string[]; readonly idempotent?: true }>> = {
  'functions/approval/store-department-task/handler.ts': { actions: [put, update] },
  'functions/approval/decide-task/handler.ts': { actions: [put, update], idempotent: true },
  'functions/approval/claim-task/handler.ts': { actions: [put, update] },
  'functions/approval/escalate-task/handler.ts': { actions: [put, update] },
  'functions/approval/complete-approval/handler.ts': { actions: [put, update] },
  'functions/reconciliation/reconcile-cases/handler.ts': { actions: [put, update] },
  'functions/calendar/recompute-deadlines/handler.ts': { actions: [put, update, check] },
  'functions/certificates/issue-certificates/handler.ts': { actions: [put, update, check] },
  'functions/certificates/choose-delivery/handler.ts': { actions: [put, check], idempotent: true },
  'functions/certificates/hand-over-result/handler.ts': { actions: [put, check], idempotent: true },
  'functions/intake/create-case/handler.ts': { actions: [put], idempotent: true },
  'functions/intake/decide-acceptance/handler.ts': { actions: [put], idempotent: true },
  'functions/intake/resubmit-case/handler.ts': { actions: [put], idempotent: true },
  'functions/intake/deem-acceptance/handler.ts': { actions: [put] },
  'functions/intake/verify-commitment/handler.ts': { actions: [put], idempotent: true },
  'functions/materials/request-upload/handler.ts': { actions: [put] },
  'functions/materials/complete-upload/handler.ts': { actions: [put] },
  'functions/materials/reference-certificate/handler.ts': { actions: [put, check] },
  'functions/notifications/deliver-notifications/handler.ts': { actions: [put] },
  'functions/reviews/submit-review/handler.ts': { actions: [put], idempotent: true },
  'functions/reviews/file-complaint/handler.ts': { actions: [put], idempotent: true },
  'functions/reviews/record-rectification-step/handler.ts': { actions: [put], idempotent: true },
  'functions/supervision/apply-events/handler.ts': { actions: [put, update] },
};

const dynamoStatements = (definition: Pick<FunctionDefinition, 'id'>): Statement[] =>
  statementsOf(statelessTemplate, definition).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
const allowed = (definition: Pick<FunctionDefinition, 'id'>): string[] =>
  [
    ...new Set(
      dynamoStatements(definition)
        .filter((statement) => statement.Effect === 'Allow')
        .flatMap(actionsOf),
    ),
  ].sort();

const writers = functionDefinitions.filter((definition) => writesTable(definition.access));
const readOnly = functionDefinitions.filter((definition) => includesAccess(definition.access, readTable) && !writesTable(definition.access));

/** IAM's StringLike: `*` any run of characters, `?` one. */
const stringLike = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

describe('given the DynamoDB access of every function', () => {
  it('then each writing handler is granted exactly the writes its adapters send, and no function BatchWriteItem', () => {
    expect(writers.length).toBeGreaterThan(20);
    for (const definition of writers) {
      const expected = tableWritesOf[definition.entry];
      expect([definition.id, expected === undefined ? 'missing from tableWritesOf' : 'listed']).toEqual([definition.id, 'listed']);
      const actions = [...new Set([...reads, ...(expected?.actions ?? []), ...(expected?.idempotent ? [put, update, 'dynamodb:DeleteItem'] : [])])].sort();
      expect([definition.id, allowed(definition)]).toEqual([definition.id, actions]);
    }
  });

  it('then a read-only function reads (GetItem, BatchGetItem, Query on the table and each index by name) and writes nothing', () => {
    expect(readOnly.length).toBeGreaterThan(25);
    for (const definition of readOnly) {
      expect([definition.id, allowed(definition)]).toEqual([definition.id, reads]);
      expect(tableWritesOf[definition.entry]).toBeUndefined();
    }
  });

  it('then DeleteItem is granted only on Idempotency-Key records (their leading key), to release a failed claim, with the update that marks or releases it', () => {
    const deletes = everyStatement(statelessTemplate).filter(
      ({ statement }) => actionsOf(statement).includes('dynamodb:DeleteItem') && statement.Effect === 'Allow',
    );
    expect(deletes.length).toBe(writers.filter((definition) => tableWritesOf[definition.entry]?.idempotent).length);
    for (const { statement } of deletes) {
      expect(actionsOf(statement).sort()).toEqual(['dynamodb:DeleteItem', put, update].sort());
      expect(statement.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [idempotencyPartitions] } });
    }
    expect(stringLike(idempotencyPartitions).test(keys.idempotency('522732', 'POST /v1/tenants/{tenantId}/cases', 'retry-key-0001').PK)).toBe(true);
    expect(stringLike(idempotencyPartitions).test(keys.casePartition('522732', '01JCASE'))).toBe(false);
  });

  it('then the deploy-time loaders read and put, and neither update nor delete', () => {
    for (const loader of deployLoaderDefinitions) {
      const statements = everyStatement(statelessTemplate).filter(({ owner }) => owner.startsWith(`${loader.id}FunctionServiceRoleDefaultPolicy`));
      expect([loader.id, [...new Set(statements.flatMap(({ statement }) => actionsOf(statement)))].sort()]).toEqual([loader.id, [...reads, put].sort()]);
    }
  });
});

describe('given the audit trail (全流程电子监察)', () => {
  const denies = (definition: FunctionDefinition) => dynamoStatements(definition).filter((statement) => statement.Effect === 'Deny');

  it('then its one writer among the functions is the supervision consumer, and the deploy-time loaders write it too', () => {
    expect(functionDefinitions.filter((definition) => includesAccess(definition.access, writeAuditTrail)).map((definition) => definition.id)).toEqual([
      'ApplySupervisionEvents',
    ]);
    const loaderIds = deployLoaderDefinitions.map((loader) => loader.id);
    expect(loaderIds.sort()).toEqual(['ShippedHolidayNotices', 'TenantConfigs']);
    for (const { owner, statement } of everyStatement(statelessTemplate))
      if (loaderIds.some((id) => owner.startsWith(id))) expect(statement.Effect).toBe('Allow');
  });

  it('then every other function that may write the table is denied any write to an audit day partition', () => {
    const others = writers.filter((definition) => !includesAccess(definition.access, writeAuditTrail));
    expect(others.length).toBe(writers.length - 1);
    for (const definition of others) {
      expect([definition.id, denies(definition)]).toEqual([
        definition.id,
        [
          {
            Effect: 'Deny',
            Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
            Resource: expect.anything(),
            Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [auditPartitions] } },
          },
        ],
      ]);
    }
    const [applier] = writers.filter((definition) => includesAccess(definition.access, writeAuditTrail));
    expect(denies(applier as FunctionDefinition)).toEqual([]);
  });

  it('then the denied pattern is exactly the audit partitions of keys.ts, not a case, a task or an idempotency record', () => {
    const audit = stringLike(auditPartitions);
    expect(audit.test(keys.auditRecord('522732', '2026-11-24', '2026-11-24T01:00:00Z', '01JREC').PK)).toBe(true);
    expect(audit.test(keys.auditDay('000000', '2027-01-01'))).toBe(true);
    for (const other of [keys.casePartition('522732', '01JCASE'), keys.idempotency('522732', 'POST /x', 'k'.repeat(8)).PK, keys.case('630103', '01JX').PK])
      expect(audit.test(other)).toBe(false);
  });
});

describe('given the buckets', () => {
  const s3Actions = (definition: FunctionDefinition, bucketPrefix: string) =>
    statementsOf(statelessTemplate, definition)
      .filter((statement) => JSON.stringify(statement.Resource).includes(bucketPrefix))
      .flatMap(actionsOf);

  it('then no function may delete an object or a version of the certificates or audit-export buckets', () => {
    for (const bucket of [certificatesBucket, auditExportBucket]) {
      expect(bucket.keepsEveryVersion).toBe(true);
      for (const definition of functionDefinitions)
        expect([definition.id, s3Actions(definition, bucket.namePrefix).filter((action) => action.startsWith('s3:Delete'))]).toEqual([definition.id, []]);
    }
  });

  it('then only the upload completion deletes from the materials bucket, the version it refused; writers put and nothing else', () => {
    const deleters = functionDefinitions.filter((definition) =>
      s3Actions(definition, materialsBucket.namePrefix).some((action) => action.startsWith('s3:Delete')),
    );
    expect(new Set(deleters.map((definition) => definition.entry))).toEqual(new Set(['functions/materials/complete-upload/handler.ts']));
    for (const definition of deleters) expect(s3Actions(definition, materialsBucket.namePrefix)).not.toContain('s3:PutObject');
    for (const definition of functionDefinitions)
      for (const bucket of bucketDefinitions) {
        const actions = s3Actions(definition, bucket.namePrefix);
        if (actions.includes('s3:PutObject') && !includesAccess(definition.access, { kind: 'bucket', bucket, mode: 'read' }))
          expect(actions).toEqual(['s3:PutObject']);
      }
  });

  it('then a delete grant on a bucket whose every version is kept is refused when the stack is built', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Probe');
    const table = new TableV2(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING } });
    const fn = platformFunction(stack, 'Probe', { entry: 'functions/supervision/check-calendar/handler.ts', table });
    const key = new Key(stack, 'Key');
    expect(() => grantObjectAccess(fn, certificatesBucket, 'delete', key)).toThrow(/may not delete from CertificatesBucket/);
    expect(() => grantObjectAccess(fn, materialsBucket, 'delete', key)).not.toThrow();
  });
});

describe('given wildcards in the policies', () => {
  /** The only statements allowed `Resource: *`, by owner: actions with no resource-level permissions, each acknowledged where it is. */
  const allowedWildcards: readonly { owner: RegExp; actions: readonly string[] }[] = [
    { owner: /^FunctionTracingPolicy/, actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] },
    {
      owner: /StateMachineRoleDefaultPolicy/,
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
    },
    {
      owner: /StateMachineRoleDefaultPolicy/,
      actions: [
        'logs:CreateLogDelivery',
        'logs:GetLogDelivery',
        'logs:UpdateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:DescribeResourcePolicies',
        'logs:DescribeLogGroups',
      ],
    },
    // SMS through SNS (the `sns` channel of this deployment): a phone number has no ARN
    { owner: /^NotificationsDeliverNotificationsServiceRoleDefaultPolicy/, actions: ['sns:Publish'] },
    // Cognito texting the citizens' sign-in codes
    { owner: /^CitizenDirectoryUserPoolsmsRole/, actions: ['sns:Publish'] },
    // CDK's bucket deployment handler invalidating the portal distribution after a deploy (CDK grants it on *)
    { owner: /^CustomCDKBucketDeployment[0-9A-F]+ServiceRoleDefaultPolicy/, actions: ['cloudfront:GetInvalidation', 'cloudfront:CreateInvalidation'] },
  ];

  it('then every statement with Resource * is one of the few without resource-level permissions, held by its one owner', () => {
    const wildcards = [...everyStatement(statefulTemplate), ...everyStatement(statelessTemplate)].filter(({ statement }) =>
      [statement.Resource].flat().some((resource) => resource === '*'),
    );
    expect(wildcards.length).toBeGreaterThan(0);
    for (const { owner, statement } of wildcards) {
      const match = allowedWildcards.find(
        (candidate) => candidate.owner.test(owner) && JSON.stringify([...candidate.actions].sort()) === JSON.stringify(actionsOf(statement).sort()),
      );
      expect([owner, actionsOf(statement), match ? 'allowed' : 'unexpected wildcard']).toEqual([owner, actionsOf(statement), 'allowed']);
    }
  });

  it('then a blanket Resource::* acknowledgment sits on no function but the SMS publisher, and every function is traced through the shared policy', () => {
    const functionIds = functionDefinitions.map((definition) => definition.id);
    const acknowledgedWildcard = stateless.node
      .findAll()
      .filter((construct) => functionIds.includes(construct.node.id))
      .filter((construct) =>
        construct.node.metadata.some(
          (entry) =>
            entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
            Object.keys(entry.data as object).includes('AwsSolutions::AwsSolutions-IAM5[Resource::*]'),
        ),
      )
      .map((construct) => construct.node.id);
    expect(acknowledgedWildcard).toEqual(['DeliverNotifications']);
    const roles = Object.entries(statelessTemplate.findResources('AWS::IAM::Role')).filter(
      ([logicalId]) => /ServiceRole[0-9A-F]{8}$/.test(logicalId) && !logicalId.includes('Provider') && !logicalId.startsWith('CustomCDKBucketDeployment'),
    );
    expect(roles.length).toBe(functionDefinitions.length + deployLoaderDefinitions.length);
    for (const [, role] of roles) expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toMatch(/FunctionTracingPolicy/);
  });

  it('then the global deployment texts through SNS and creates no SMS gateway secret', () => {
    const fn = Object.entries(statelessTemplate.findResources('AWS::Lambda::Function')).find(([logicalId]) =>
      logicalId.startsWith('NotificationsDeliverNotifications'),
    );
    expect(fn?.[1].Properties.Environment.Variables[environmentNames.notificationChannel]).toBe('sns');
    expect(JSON.stringify(statefulTemplate.toJSON())).not.toContain(smsGatewaySecret.id);
  });
});
