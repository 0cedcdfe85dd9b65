import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, type ITableV2, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type ITopic, SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type CorsRule, HttpMethods, type IBucket, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { type PlatformIdentity, platformIdentity } from './identity';
import { portalBucketName } from './portal/portal-hosting';
import { secretDefinitions, smsGatewaySecret } from './definitions/secrets';
import { type Deployment, portalOrigins } from './deployment';
import type { Construct } from 'constructs';
import { type BrowserAccessRule, bucketDefinitions } from './definitions/buckets';
import { deadLetterQueueId, queueDefinitions } from './definitions/queues';
import { tableDefinition } from './definitions/table';
import { topicDefinitions } from './definitions/topics';

export interface StatefulStackProps extends StackProps {
  /** The deployment file this installation is built from (infra/deployment.ts). */
  readonly deployment: Deployment;
}

const attributeType = (type: 'S' | 'N'): AttributeType => (type === 'S' ? AttributeType.STRING : AttributeType.NUMBER);

/** A bucket definition's browser access as the bucket's CORS rule, for the deployment's portal origins. */
const corsRule = (access: BrowserAccessRule, allowedOrigins: string[]): CorsRule => ({
  allowedOrigins,
  allowedMethods: access.allowedMethods.map((method) => HttpMethods[method]),
  allowedHeaders: [...access.allowedHeaders],
  exposedHeaders: [...access.exposedHeaders],
  maxAge: access.maxAgeSeconds,
});

/**
 * Everything that holds data: the single table, the buckets and the queues. Kept apart from the
 * stateless stack so functions and workflows can be redeployed freely while data stays put
 * (retained on delete, deletion-protected, recoverable to any point in time).
 */
export class StatefulStack extends Stack {
  readonly table: ITableV2;
  readonly dataKey: Key;
  readonly buckets: ReadonlyMap<string, IBucket>;
  /** The citizen portal's build (infra/portal/): private, read by the distribution of the stateless stack only. */
  readonly portalBucket: IBucket;
  /** Server access logs of the buckets and the portal distribution's standard logs. */
  readonly accessLogs: IBucket;
  readonly queues: ReadonlyMap<string, IQueue>;
  readonly topics: ReadonlyMap<string, ITopic>;
  readonly secrets: ReadonlyMap<string, ISecret>;
  /** Who signs in: the user pools of `cognito` audiences, and the issuers and claim names of both audiences. */
  readonly identity: PlatformIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.dataKey = new Key(this, 'DataKey', {
      description: 'Tongban: encrypts applicant materials and issued certificates at rest',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey.name, type: attributeType(tableDefinition.partitionKey.type) },
      sortKey: { name: tableDefinition.sortKey.name, type: attributeType(tableDefinition.sortKey.type) },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      dynamoStream: StreamViewType[tableDefinition.streamView],
      // AWS-managed key: encrypted at rest without a KMS grant in every function policy
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
        sortKey: { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
      })),
    });

    const accessLogs = (this.accessLogs = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // server access log delivery supports only S3-managed keys
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(730), noncurrentVersionExpiration: Duration.days(30) }],
    }));

    // browsers PUT to presigned URLs from the portal's pages: only the deployment's portal origins may
    const browserOrigins = portalOrigins(props.deployment);

    this.buckets = new Map(
      bucketDefinitions.map((definition) => [
        definition.id,
        new Bucket(this, definition.id, {
          bucketName: `${definition.namePrefix}-${this.account}-${this.region}`,
          blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
          encryption: BucketEncryption.KMS,
          encryptionKey: this.dataKey,
          bucketKeyEnabled: true,
          enforceSSL: true,
          versioned: true,
          objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
          serverAccessLogsBucket: accessLogs,
          serverAccessLogsPrefix: `${definition.id}/`,
          removalPolicy: RemovalPolicy.RETAIN,
          ...(definition.browserAccess ? { cors: [corsRule(definition.browserAccess, browserOrigins)] } : {}),
          lifecycleRules: [
            {
              transitions: [
                { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(definition.infrequentAccessAfterDays) },
                { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(definition.glacierAfterDays) },
              ],
              noncurrentVersionTransitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
              abortIncompleteMultipartUploadAfter: Duration.days(7),
            },
          ],
        }),
      ]),
    );

    this.portalBucket = new Bucket(this, 'PortalBucket', {
      bucketName: portalBucketName(this),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3-managed keys: the build is public content, and CloudFront's origin access identity (aws-cn) cannot read SSE-KMS
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'PortalBucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      // overwritten entry files (index.html, portal-config.json) are kept a while for a rollback by hand
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });
    Validations.of(this.portalBucket).acknowledge({
      id: 'AwsSolutions-S10',
      reason:
        "The portal bucket's one policy names the CloudFront distribution, so it is written next to the distribution (stateless stack, PortalHosting BucketPolicy) to keep the stacks from depending on each other; it denies every request without TLS (aws:SecureTransport false), which test/infra/portal.test.ts checks.",
    });

    this.secrets = new Map(
      secretDefinitions.map((definition) => {
        const secret = new Secret(this, definition.id, {
          description: definition.description,
          // 64 random letters and digits: the Ed25519 seed is their SHA-256
          generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
          removalPolicy: RemovalPolicy.RETAIN,
        });
        Validations.of(secret).acknowledge({
          id: 'AwsSolutions-SMG4',
          reason:
            'The secret is the seed of the certificate signing key: rotating it would make every certificate issued so far fail verification. Key rotation needs key ids on documents and a verification key history, planned as its own change.',
        });
        return [definition.id, secret];
      }),
    );
    if (props.deployment.sms.channel === 'http-gateway') {
      const secret = new Secret(this, smsGatewaySecret.id, {
        description: smsGatewaySecret.description,
        // a starting value to give the gateway; an operator may put the gateway's own token here instead
        generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          "The token is shared with the county's SMS gateway, which has no Secrets Manager rotation hook; it is rotated with the gateway by an operator (put-secret-value), and the notifier rereads it within minutes.",
      });
      this.secrets = new Map([...this.secrets, [smsGatewaySecret.id, secret]]);
    }

    this.topics = new Map(
      topicDefinitions.map((definition) => [
        definition.id,
        // events carry no personal data; the AWS-managed SNS key needs no grant in publisher policies
        new Topic(this, definition.id, { enforceSSL: true, masterKey: Alias.fromAliasName(this, `${definition.id}Key`, 'alias/aws/sns') }),
      ]),
    );

    this.queues = new Map(
      queueDefinitions.map((definition) => {
        const deadLetter = new Queue(this, deadLetterQueueId(definition), {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          retentionPeriod: Duration.days(14),
        });
        const queue = new Queue(this, definition.id, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
          retentionPeriod: Duration.days(definition.retentionDays),
          deadLetterQueue: { queue: deadLetter, maxReceiveCount: definition.maxReceiveCount },
        });
        if (definition.subscribesTo) {
          const topic = this.topics.get(definition.subscribesTo.topic.id);
          if (!topic) throw new Error(`unknown topic ${definition.subscribesTo.topic.id}`);
          topic.addSubscription(
            new SqsSubscription(queue, {
              rawMessageDelivery: true,
              ...(definition.subscribesTo.types
                ? { filterPolicy: { type: SubscriptionFilter.stringFilter({ allowlist: [...definition.subscribesTo.types] }) } }
                : {}),
            }),
          );
        }
        return [definition.id, queue];
      }),
    );

    this.identity = platformIdentity(this, props.deployment);
  }
}
