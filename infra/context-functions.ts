import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { ICommandHooks, NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { dirname, join } from 'node:path';
import { type BoundedContext, type FunctionDefinition, functionDefinitions } from './definitions/functions';
import type { BundledFile } from './definitions/functions/definition';
import { type BucketOperation, consumeQueue, includesAccess, unhandledAccess, writeAuditTrail, writesTable } from './definitions/access';
import type { BucketDefinition } from './definitions/buckets';
import { smsGatewaySecret } from './definitions/secrets';
import type { IdentitySettings } from '../functions/shared/identity-settings';
import { environmentNames } from '../functions/shared/environment-names';
import type { SmsSettings } from './deployment';
import { auditTrailDenyStatement, platformFunction, tableStatementFor } from './platform-function';
import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';

export interface ContextFunctionsProps {
  /** Which bounded context's functions to create (see infra/definitions/functions/). */
  readonly context: BoundedContext;
  readonly table: ITableV2;
  /** The key the buckets are encrypted with; object access needs it. */
  readonly dataKey: IKey;
  readonly queues: ReadonlyMap<string, IQueue>;
  readonly topics: ReadonlyMap<string, ITopic>;
  readonly secrets: ReadonlyMap<string, ISecret>;
  /** The deployment's SMS channel (config/deployments/<name>.yaml): what `sendSms` grants. */
  readonly sms: SmsSettings;
  /** Handed to every HTTP function as `IDENTITY_SETTINGS`: the issuers, audiences and claim names of both audiences. */
  readonly identity: IdentitySettings;
}

const repositoryRoot = join(__dirname, '..');

const bucketName = (definition: BucketDefinition) => `${definition.namePrefix}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

const bucketActions: Readonly<Record<BucketOperation, { readonly s3: readonly string[]; readonly kms: readonly string[] }>> = {
  // the buckets are versioned: a material is read and served at the version that was verified
  read: { s3: ['s3:GetObject', 's3:GetObjectVersion'], kms: ['kms:Decrypt'] },
  // single-part puts only (presigned uploads are single PUTs), which need no kms:Decrypt
  write: { s3: ['s3:PutObject'], kms: ['kms:GenerateDataKey'] },
  // a refused upload is deleted at the version that was checked
  delete: { s3: ['s3:DeleteObject', 's3:DeleteObjectVersion'], kms: [] },
};

/**
 * Object access to one bucket: named S3 and KMS actions, objects of that bucket only. The object
 * ARN is built from the bucket's deterministic name, so the one wildcard (`/*`, every case's
 * objects) can be acknowledged precisely. Deletes are refused on a bucket whose every version is evidence.
 */
export function grantObjectAccess(fn: NodejsFunction, definition: BucketDefinition, mode: BucketOperation, dataKey: IKey): void {
  if (mode === 'delete' && definition.keepsEveryVersion)
    throw new Error(`${fn.node.id} may not delete from ${definition.id}: every version of it is kept (keepsEveryVersion)`);
  const objects = `arn:${Aws.PARTITION}:s3:::${bucketName(definition)}/*`;
  const { s3, kms } = bucketActions[mode];
  fn.addToRolePolicy(new PolicyStatement({ actions: [...s3], resources: [objects] }));
  // without ListBucket, HeadObject on a missing object answers 403 instead of 404
  if (mode === 'read')
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [`arn:${Aws.PARTITION}:s3:::${bucketName(definition)}`] }));
  if (kms.length > 0) fn.addToRolePolicy(new PolicyStatement({ actions: [...kms], resources: [dataKey.keyArn] }));
  fn.addEnvironment(definition.nameEnvironmentVariable, bucketName(definition));
  Validations.of(fn).acknowledge({
    id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${definition.namePrefix}-<AWS::AccountId>-<AWS::Region>/*]`,
    reason: 'Objects are keyed per tenant and case under this one bucket (tenant first in every key); access is limited to this bucket and named actions.',
  });
}

/** Bundling steps that copy a definition's `bundledFiles` into the bundle after esbuild ran (paths from the repository root). */
export function copyIntoBundle(files: readonly BundledFile[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir: string, outputDir: string) =>
      files.flatMap(({ from, to }) => [`mkdir -p "${dirname(join(outputDir, to))}"`, `cp "${join(repositoryRoot, from)}" "${join(outputDir, to)}"`]),
  };
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
        ...(definition.bundledFiles ? { commandHooks: copyIntoBundle(definition.bundledFiles) } : {}),
      });
      this.grant(fn, definition, props);
      // the trail's writers are named; every other function that may write the table is denied the audit partitions
      if (writesTable(definition.access) && !includesAccess(definition.access, writeAuditTrail)) fn.addToRolePolicy(auditTrailDenyStatement(props.table));
      if (definition.trigger.kind === 'http') fn.addEnvironment(environmentNames.identitySettings, Stack.of(this).toJsonString(props.identity));
      if (definition.trigger.kind === 'tableStream') {
        const { filter } = definition.trigger;
        // a batch that still fails after every retry is not dropped: its shard and sequence range go to this queue (kept
        // 14 days; the stream keeps the records 24 hours, so the alarm pages at once), and docs/operations.md says how to replay it
        const failures = new Queue(this, `${definition.id}StreamFailures`, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          retentionPeriod: Duration.days(14),
        });
        Validations.of(failures).acknowledge({
          id: 'AwsSolutions::AwsSolutions-SQS3',
          reason: 'This queue is the on-failure destination of a stream mapping: it is the dead-letter queue, and needs none of its own.',
        });
        new Alarm(this, `${definition.id}StreamFailuresAlarm`, {
          alarmDescription: `${definition.id}: a stream batch failed every retry; its records must be replayed within 24 hours (docs/operations.md, Stream failures).`,
          metric: failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        });
        fn.addEventSource(
          new DynamoEventSource(props.table, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: definition.trigger.batchSize,
            reportBatchItemFailures: true,
            bisectBatchOnError: true,
            retryAttempts: 20,
            onFailure: new SqsDlq(failures),
            filters: [
              FilterCriteria.filter({
                eventName: FilterRule.isEqual(filter.eventName),
                dynamodb: { NewImage: { entity: { S: FilterRule.or(...filter.entities) } } },
              }),
            ],
          }),
        );
        // the event source grants dynamodb:ListStreams and the stream reads on the table's stream ARN: no wildcard to acknowledge
      }
      if (definition.trigger.kind === 'queue') {
        const queue = required(props.queues, definition.trigger.queue.id, 'queue');
        if (!includesAccess(definition.access, consumeQueue(definition.trigger.queue)))
          throw new Error(`${definition.id} is triggered by ${definition.trigger.queue.id} but does not list consumeQueue(${definition.trigger.queue.id})`);
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

  private grant(fn: NodejsFunction, definition: FunctionDefinition, props: ContextFunctionsProps): void {
    for (const grant of definition.access) {
      switch (grant.kind) {
        case 'table':
          fn.addToRolePolicy(tableStatementFor(props.table, grant.operation));
          break;
        case 'auditTrail':
          // an audit record is a put (putItems); naming the trail only spares the function the deny
          if (!includesAccess(definition.access, { kind: 'table', operation: 'put' }))
            throw new Error(`${definition.id} lists writeAuditTrail but may not put items`);
          break;
        case 'bucket':
          grantObjectAccess(fn, grant.bucket, grant.mode, props.dataKey);
          break;
        case 'sms':
          this.grantSms(fn, props);
          break;
        case 'topic': {
          const topic = required(props.topics, grant.topic.id, 'topic');
          topic.grantPublish(fn);
          fn.addEnvironment(grant.topic.arnEnvironmentVariable, topic.topicArn);
          break;
        }
        case 'secret': {
          const secret = required(props.secrets, grant.secret.id, 'secret');
          // GetSecretValue only (grantRead would add DescribeSecret); the AWS-managed key needs no KMS grant
          fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
          fn.addEnvironment(grant.secret.arnEnvironmentVariable, secret.secretArn);
          break;
        }
        case 'queue': {
          const queue = required(props.queues, grant.queue.id, 'queue');
          if (grant.mode === 'send') {
            queue.grantSendMessages(fn);
            fn.addEnvironment(grant.queue.urlEnvironmentVariable, queue.queueUrl);
          } else if (definition.trigger.kind !== 'queue' || definition.trigger.queue.id !== grant.queue.id) {
            // consume is the queue trigger's event source, which grants receive and delete itself
            throw new Error(`${definition.id} lists consumeQueue(${grant.queue.id}) but is not triggered by that queue`);
          }
          break;
        }
        case 'workflow':
          // start and callback are granted by the Workflow construct, which owns the state machine (infra/workflow.ts)
          break;
        default:
          unhandledAccess(grant);
      }
    }
  }

  /**
   * The deployment's SMS channel. `sns`: sns:Publish to phone numbers, which have no ARN (the function's one wildcard).
   * `http-gateway`: the gateway's URL and its bearer-token secret, and no SNS permission for text messages at all.
   */
  private grantSms(fn: NodejsFunction, props: ContextFunctionsProps): void {
    fn.addEnvironment(environmentNames.notificationChannel, props.sms.channel);
    if (props.sms.channel === 'sns') {
      fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          "An SMS to an applicant is an SNS publish to a phone number, which has no resource ARN; sns:Publish is this function's only wildcard (an infra test pins it), and its topic publishes name the topic.",
      });
      return;
    }
    const secret = required(props.secrets, smsGatewaySecret.id, 'secret');
    fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
    fn.addEnvironment(smsGatewaySecret.arnEnvironmentVariable, secret.secretArn);
    fn.addEnvironment(environmentNames.smsGatewayUrl, props.sms.url);
  }
}

function required<T>(resources: ReadonlyMap<string, T>, id: string, what: string): T {
  const resource = resources.get(id);
  if (!resource) throw new Error(`unknown ${what} ${id}`);
  return resource;
}
