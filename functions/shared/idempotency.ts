import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidTransitionError, ValidationError } from './errors';
import { idempotencyEntity } from './table/idempotency';

/** How long a key is remembered (TTL) and how long an in-flight claim blocks a retry. */
const REMEMBER_SECONDS = 24 * 3600;
const CLAIM_SECONDS = 30;
/** A retry that arrives while the first call is still running waits this long for its result. */
const WAIT_FOR_FIRST_MS = 5_000;

export interface StoredReply {
  readonly statusCode: number;
  readonly body: unknown;
}

/** What an `Idempotency-Key` header may be (the OpenAPI document publishes the same pattern). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's Idempotency-Key header, validated; undefined when the client sent none. */
export function idempotencyKeyOf(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ValidationError(
      'Idempotency-Key 应为8至128位字母、数字或 ._:-',
      'Idempotency-Key must be 8-128 characters of letters, digits or ._:-',
      undefined,
      'INVALID_IDEMPOTENCY_KEY',
    );
  }
  return key;
}

/**
 * Idempotent POSTs on the platform table, tenant first like every other key (Powertools' own
 * layout would lead with the function name). The first call claims the key; a retry with the same
 * key and body gets the stored reply; a retry during the first call waits for it; the same key with
 * a different body is refused. A failed call releases the key so the client can retry.
 */
export class IdempotencyStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async run(
    scope: { tenantId: string; routeKey: string; key: string; body: unknown },
    call: () => Promise<StoredReply>,
    /** How long the claim blocks a retry: the invocation's remaining time when known, never more than CLAIM_SECONDS. */
    claimSeconds: number = CLAIM_SECONDS,
  ): Promise<StoredReply> {
    const claimFor = Math.max(1, Math.min(CLAIM_SECONDS, claimSeconds));
    const itemKey = idempotencyEntity.key(scope.tenantId, scope.routeKey, scope.key);
    const requestHash = createHash('sha256')
      .update(JSON.stringify(scope.body ?? null))
      .digest('hex');
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const now = Math.floor(Date.now() / 1000);
      try {
        await this.documents.send(
          new PutCommand({
            TableName: this.tableName,
            Item: idempotencyEntity.inProgress(itemKey, requestHash, now + claimFor, now + REMEMBER_SECONDS),
            // a stale claim (its call crashed) may be taken over
            ConditionExpression: 'attribute_not_exists(PK) OR (#status = :inProgress AND claimExpiresAt < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':now': now },
          }),
        );
        break;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const existing = (await this.documents.send(new GetCommand({ TableName: this.tableName, Key: itemKey, ConsistentRead: true }))).Item;
      if (!existing) continue;
      if (existing.requestHash !== requestHash) {
        throw new ValidationError(
          '同一 Idempotency-Key 已用于不同的请求内容',
          'This Idempotency-Key was already used with a different request body',
          undefined,
          'IDEMPOTENCY_KEY_REUSED',
        );
      }
      if (existing.status === 'COMPLETED') return existing.reply as StoredReply;
      if (Date.now() > deadline) {
        throw new InvalidTransitionError(
          '相同请求正在处理中，请稍后重试',
          'The same request is still being processed; retry shortly',
          'IDEMPOTENCY_IN_PROGRESS',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let reply: StoredReply;
    try {
      reply = await call();
    } catch (error) {
      await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: itemKey }));
      throw error;
    }
    const now = Math.floor(Date.now() / 1000);
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: idempotencyEntity.completed(itemKey, requestHash, reply, now + REMEMBER_SECONDS),
      }),
    );
    return reply;
  }
}
