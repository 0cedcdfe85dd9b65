import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { topicDefinitions } from './definitions/topics';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type Access, type BoundedContext, functionDefinitions } from './definitions/functions';
import { type BucketDefinition, bucketDefinitions } from './definitions/buckets';
import { queueDefinitions } from './definitions/queues';
import { platformFunction, tableStatement } from './platform-function';
import { Aws, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { secretDefinitions } from './definitions/secrets';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';

export interface ContextFunctionsProps {
  /** Which bounded context's functions to create (see infra/definitions/functions.ts). */
  readonly context: BoundedContext;
  readonly table: ITableV2;
  /** The key the buckets are encrypted with; object access needs it. */
  readonly dataKey: IKey;
  readonly queues: ReadonlyMap<string, IQueue>;
  readonly topics: ReadonlyMap<string, ITopic>;
  readonly secrets: ReadonlyMap<string, ISecret>;
}

const bucketName = (definition: BucketDefinition) => `${definition.namePrefix}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

/**
 * Object access to one bucket: named S3 and KMS actions, objects of that bucket only. The object
 * ARN is built from the bucket's deterministic name, so the one wildcard (`/*`, every case's
 * objects) can be acknowledged precisely.
 */
function grantObjectAccess(fn: NodejsFunction, definition: BucketDefinition, mode: 'read' | 'write', dataKey: IKey): void {
  const objects = `arn:${Aws.PARTITION}:s3:::${bucketName(definition)}/*`;
  // the buckets are versioned: reads and deletes pin the version they verified
  const actions =
    mode === 'read'
      ? ['s3:GetObject', 's3:GetObjectVersion']
      : ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion', 's3:DeleteObject', 's3:DeleteObjectVersion'];
  fn.addToRolePolicy(new PolicyStatement({ actions, resources: [objects] }));
  // without ListBucket, HeadObject on a missing object answers 403 instead of 404
  if (mode === 'read')
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [`arn:${Aws.PARTITION}:s3:::${bucketName(definition)}`] }));
  fn.addToRolePolicy(new PolicyStatement({ actions: mode === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [dataKey.keyArn] }));
  fn.addEnvironment(definition.nameEnvironmentVariable, bucketName(definition));
  Validations.of(fn).acknowledge({
    id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${definition.namePrefix}-<AWS::AccountId>-<AWS::Region>/*]`,
    reason: 'Objects are keyed per tenant and case under this one bucket (tenant first in every key); access is limited to this bucket and named actions.',
  });
}

/**
 * The functions of one bounded context, each with exactly the access its definition declares.
 * Grants sit here, next to the function they are for; the workflow grants (start, callback) are
 * added by the approval workflow construct once the state machine exists.
 */
export class ContextFunctions extends Construct {
  readonly functions: ReadonlyMap<string, NodejsFunction>;

  constructor(scope: Construct, id: string, props: ContextFunctionsProps) {
    super(scope, id);
    const created = new Map<string, NodejsFunction>();
    for (const definition of functionDefinitions.filter((candidate) => candidate.context === props.context)) {
      const fn = platformFunction(this, definition.id, {
        entry: definition.entry,
        table: props.table,
        ...(definition.timeoutSeconds ? { timeoutSeconds: definition.timeoutSeconds } : {}),
        ...(definition.memoryMb ? { memoryMb: definition.memoryMb } : {}),
      });
      this.grant(fn, definition.access, props);
      if (definition.trigger.kind === 'tableStream') {
        const { filter } = definition.trigger;
        fn.addEventSource(
          new DynamoEventSource(props.table, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: definition.trigger.batchSize,
            reportBatchItemFailures: true,
            bisectBatchOnError: true,
            retryAttempts: 20,
            filters: [
              FilterCriteria.filter({
                eventName: FilterRule.isEqual(filter.eventName),
                dynamodb: { NewImage: { entity: { S: FilterRule.or(...filter.entities) } } },
              }),
            ],
          }),
        );
        Validations.of(fn).acknowledge({
          id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
          reason:
            'dynamodb:ListStreams (added by the stream event source) supports no resource-level permissions; the stream read actions name the table stream.',
        });
      }
      if (definition.trigger.kind === 'queue') {
        const queue = props.queues.get(definition.trigger.queueId);
        if (!queue) throw new Error(`unknown queue ${definition.trigger.queueId}`);
        fn.addEventSource(new SqsEventSource(queue, { batchSize: definition.trigger.batchSize, reportBatchItemFailures: true }));
      }
      if (definition.trigger.kind === 'schedule') {
        const { cron, input } = definition.trigger;
        new Rule(this, `${definition.id}Schedule`, {
          schedule: Schedule.cron({ minute: cron.minute, hour: cron.hour }),
          targets: [new LambdaFunction(fn, { event: RuleTargetInput.fromObject(input), retryAttempts: 2 })],
        });
      }
      created.set(definition.id, fn);
    }
    this.functions = created;
  }

  private grant(fn: NodejsFunction, access: readonly Access[], props: ContextFunctionsProps): void {
    for (const grant of access) {
      if (grant === 'table:read' || grant === 'table:write') fn.addToRolePolicy(tableStatement(props.table, grant));
      else if (grant.startsWith('bucket:')) {
        const [, mode, bucketId] = grant.split(':');
        const definition = bucketDefinitions.find((candidate) => candidate.id === bucketId);
        if (!definition) throw new Error(`unknown bucket ${bucketId}`);
        grantObjectAccess(fn, definition, mode === 'read' ? 'read' : 'write', props.dataKey);
      } else if (grant === 'notify:sms') {
        fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
        Validations.of(fn).acknowledge({
          id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
          reason: 'SMS to an applicant is an SNS publish to a phone number, which has no resource ARN; X-Ray tracing actions have none either.',
        });
      } else if (grant.startsWith('topic:publish:')) {
        const topicId = grant.slice('topic:publish:'.length);
        const topic = props.topics.get(topicId);
        const definition = topicDefinitions.find((candidate) => candidate.id === topicId);
        if (!topic || !definition) throw new Error(`unknown topic ${topicId}`);
        topic.grantPublish(fn);
        fn.addEnvironment(definition.arnEnvironmentVariable, topic.topicArn);
      } else if (grant.startsWith('secret:read:')) {
        const secretId = grant.slice('secret:read:'.length);
        const secret = props.secrets.get(secretId);
        const definition = secretDefinitions.find((candidate) => candidate.id === secretId);
        if (!secret || !definition) throw new Error(`unknown secret ${secretId}`);
        // GetSecretValue only (grantRead would add DescribeSecret); the AWS-managed key needs no KMS grant
        fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
        fn.addEnvironment(definition.arnEnvironmentVariable, secret.secretArn);
      } else if (grant.startsWith('queue:send:')) {
        const queueId = grant.slice('queue:send:'.length);
        const queue = props.queues.get(queueId);
        const definition = queueDefinitions.find((candidate) => candidate.id === queueId);
        if (!queue || !definition) throw new Error(`unknown queue ${queueId}`);
        queue.grantSendMessages(fn);
        fn.addEnvironment(definition.urlEnvironmentVariable, queue.queueUrl);
      } else if (grant.startsWith('queue:consume:')) {
        const queueId = grant.slice('queue:consume:'.length);
        const definition = queueDefinitions.find((candidate) => candidate.id === queueId);
        if (!definition || !props.queues.has(queueId)) throw new Error(`unknown queue ${queueId}`);
      }
      // approval:start and approval:callback are granted by ApprovalWorkflow, which owns the state machine
    }
  }
}
