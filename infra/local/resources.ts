import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { bucketDefinitions } from '../definitions/buckets';
import { deadLetterQueueId, queueDefinitions } from '../definitions/queues';
import { tableDefinition } from '../definitions/table';
import { topicDefinitions } from '../definitions/topics';

/**
 * Creates the table, queues and buckets on the local engines from the same definitions the CDK
 * stateful stack deploys. Idempotent: on a restart everything already exists and data is kept.
 */
export const localNames = {
  table: 'tongban',
  queue: (id: string) => `tongban-${id}`,
  topic: (id: string) => `tongban-${id}`,
  bucket: (id: string) => `tongban-${id.toLowerCase()}`,
};

export async function ensureTable(dynamodb: DynamoDBClient): Promise<string> {
  const TableName = localNames.table;
  try {
    const existing = await dynamodb.send(new DescribeTableCommand({ TableName }));
    // a table created before the event relay existed gets its stream now
    if (!existing.Table?.StreamSpecification?.StreamEnabled) {
      await dynamodb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamView } }));
    }
    return TableName;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const attributeDefinitions = [...new Map(keyAttributes.map((attribute) => [attribute.name, attribute])).values()];
  await dynamodb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions.map((attribute) => ({ AttributeName: attribute.name, AttributeType: attribute.type })),
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamView },
      GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await dynamodb.send(
    new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true } }),
  );
  return TableName;
}

/** Returns the URL of every work queue by definition id; each gets its dead-letter queue and redrive policy. */
export async function ensureQueues(sqs: SQSClient): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const definition of queueDefinitions) {
    const deadLetter = await sqs.send(
      new CreateQueueCommand({ QueueName: localNames.queue(deadLetterQueueId(definition)), Attributes: { MessageRetentionPeriod: String(14 * 86_400) } }),
    );
    const deadLetterArn = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: deadLetter.QueueUrl, AttributeNames: ['QueueArn'] }));
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: localNames.queue(definition.id),
        Attributes: {
          VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
          MessageRetentionPeriod: String(definition.retentionDays * 86_400),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetterArn.Attributes?.QueueArn, maxReceiveCount: definition.maxReceiveCount }),
        },
      }),
    );
    urls.set(definition.id, queue.QueueUrl as string);
  }
  return urls;
}

export async function ensureBuckets(s3: S3Client): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const definition of bucketDefinitions) {
    const Bucket = localNames.bucket(definition.id);
    try {
      await s3.send(new CreateBucketCommand({ Bucket }));
    } catch (error) {
      if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
    }
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    names.set(definition.id, Bucket);
  }
  return names;
}

/** Returns the ARN of every topic by definition id (CreateTopic is idempotent). */
export async function ensureTopics(sns: SNSClient): Promise<Map<string, string>> {
  const arns = new Map<string, string>();
  for (const definition of topicDefinitions) {
    const created = await sns.send(new CreateTopicCommand({ Name: localNames.topic(definition.id) }));
    arns.set(definition.id, created.TopicArn as string);
  }
  return arns;
}

/** Subscribes each queue that declares `subscribesTo` to its topic, raw, with the same filter policy as the stack. */
export async function ensureSubscriptions(
  sns: SNSClient,
  sqs: SQSClient,
  queueUrls: ReadonlyMap<string, string>,
  topicArns: ReadonlyMap<string, string>,
): Promise<void> {
  for (const definition of queueDefinitions) {
    if (!definition.subscribesTo) continue;
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrls.get(definition.id), AttributeNames: ['QueueArn'] }))).Attributes
      ?.QueueArn;
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArns.get(definition.subscribesTo.topic.id),
        Protocol: 'sqs',
        Endpoint: queueArn,
        Attributes: {
          RawMessageDelivery: 'true',
          ...(definition.subscribesTo.types ? { FilterPolicy: JSON.stringify({ type: definition.subscribesTo.types }) } : {}),
        },
      }),
    );
  }
}
