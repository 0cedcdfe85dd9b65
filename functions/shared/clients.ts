import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type EnvironmentName, environmentNames } from './environment-names';
import { fenceTransactionsOfOpenClaims } from './idempotency-fence';
import { tracer } from './powertools';

/**
 * SDK clients, built once per process and reused across invocations. Endpoints come from the
 * standard `AWS_ENDPOINT_URL_*` variables, so this code never knows whether it talks to AWS or to
 * the local engines.
 */

/**
 * Bounded waits: a dependency that does not answer (a stalled engine, a lost connection) costs at most two attempts of
 * 5 s plus 2 s to connect, 14 s in all, inside the functions' 15 s; then the request answers 503 DEPENDENCY_UNAVAILABLE
 * (./http.ts) instead of hanging until the gateway gives up. Without these the SDK waits on a socket indefinitely.
 */
export const BOUNDED_WAITS = { maxAttempts: 2, requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true } } as const;

const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({ ...BOUNDED_WAITS }));
// an idempotent call's transactions carry its claim (./idempotency-fence.ts): a state change and its "committed" mark are one write
fenceTransactionsOfOpenClaims(dynamodb);

export const dynamoDocuments = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const stepFunctions = tracer.captureAWSv3Client(new SFNClient({ ...BOUNDED_WAITS }));

// the endpoint comes from the SDK's own configuration on both targets (AWS_ENDPOINT_URL_SQS locally), never
// from a queue URL's host: the local emulator's URLs name a host (sqs.<region>.127.0.0.1) that does not resolve
export const sqs = tracer.captureAWSv3Client(new SQSClient({ ...BOUNDED_WAITS, useQueueUrlAsEndpoint: false }));

export const sns = tracer.captureAWSv3Client(new SNSClient({ ...BOUNDED_WAITS }));

/**
 * Checksums only when S3 requires them: SDK defaults would embed an empty-body CRC32 in presigned
 * PUT URLs, which real S3 then rejects. Path-style addressing is a deployment setting (local engines).
 */
export const s3 = tracer.captureAWSv3Client(
  new S3Client({
    ...BOUNDED_WAITS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    forcePathStyle: process.env[environmentNames.s3ForcePathStyle] === 'true',
  }),
);

/** The value of one of the platform's environment variables (named in environment-names.ts); a missing one is a deployment slip. */
export function requiredEnvironment(name: EnvironmentName): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}
