import { createHash, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidTransitionError, ValidationError } from './errors';
import { type CommittedKey, type OpenClaim, withinClaim } from './idempotency-fence';
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

/** Rebuilds the reply of a call that committed but died before its reply was stored, from the committed state. */
export type ReplayCommitted = (committedKey: CommittedKey) => Promise<StoredReply>;

/**
 * Idempotent POSTs on the platform table, tenant first like every other key (Powertools' own
 * layout would lead with the function name). The first call claims the key with a token; a retry with the same
 * key and body gets the stored reply; a retry during the first call waits for it; the same key with a different
 * body is refused. Every transaction the call makes also marks the key committed, on condition that the call still
 * holds the claim (./idempotency-fence.ts), so the state change and that mark are one write:
 * - the call failed before committing: the key is released and a retry runs afresh;
 * - it committed and then failed or died before its reply was stored: a retry gets the reply rebuilt from the
 *   committed state (`replay`), never a conflict with its own first attempt;
 * - a retry took over the claim of a call presumed dead: that call can no longer commit, so nothing happens twice.
 */
export class IdempotencyStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async run(
    scope: { tenantId: string; routeKey: string; key: string; body: unknown },
    call: () => Promise<StoredReply>,
    options: {
      /** How long the claim blocks a retry: the invocation's remaining time when known, never more than CLAIM_SECONDS. */
      readonly claimSeconds?: number;
      readonly replay?: ReplayCommitted;
    } = {},
  ): Promise<StoredReply> {
    const claimFor = Math.max(1, Math.min(CLAIM_SECONDS, options.claimSeconds ?? CLAIM_SECONDS));
    const itemKey = idempotencyEntity.key(scope.tenantId, scope.routeKey, scope.key);
    const requestHash = createHash('sha256')
      .update(JSON.stringify(scope.body ?? null))
      .digest('hex');
    const claimToken = randomUUID();
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const now = Math.floor(Date.now() / 1000);
      try {
        await this.documents.send(
          new PutCommand({
            TableName: this.tableName,
            Item: idempotencyEntity.inProgress(itemKey, requestHash, claimToken, now + claimFor, now + REMEMBER_SECONDS),
            // a stale claim (its call crashed before committing) may be taken over
            ConditionExpression: 'attribute_not_exists(PK) OR (#status = :inProgress AND claimExpiresAt < :now AND attribute_not_exists(committedAt))',
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
      if (existing.committedAt !== undefined && Number(existing.claimExpiresAt) < now && options.replay) {
        return this.rebuilt(itemKey, requestHash, existing.committedAt as number, existing.committedKey as CommittedKey, options.replay);
      }
      if (Date.now() > deadline) {
        throw new InvalidTransitionError(
          '相同请求正在处理中，请稍后重试',
          'The same request is still being processed; retry shortly',
          'IDEMPOTENCY_IN_PROGRESS',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const claim: OpenClaim = { tableName: this.tableName, itemKey, claimToken };
    let reply: StoredReply;
    try {
      reply = await withinClaim(claim, call);
    } catch (error) {
      await this.release(claim);
      throw error;
    }
    await this.ifStillHeld(
      new PutCommand({
        TableName: this.tableName,
        Item: idempotencyEntity.completed(itemKey, requestHash, reply, Math.floor(Date.now() / 1000) + REMEMBER_SECONDS),
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeValues: { ':token': claimToken },
      }),
    );
    return reply;
  }

  /** A failed call gives the key back: forgotten when nothing committed, open to an immediate rebuild when something did. */
  private release(claim: OpenClaim): Promise<void> {
    const held = { ConditionExpression: 'claimToken = :token', ExpressionAttributeValues: { ':token': claim.claimToken } };
    return this.ifStillHeld(
      claim.committedKey
        ? new UpdateCommand({
            TableName: this.tableName,
            Key: claim.itemKey,
            UpdateExpression: 'SET claimExpiresAt = :released',
            ...held,
            ExpressionAttributeValues: { ...held.ExpressionAttributeValues, ':released': 0 },
          })
        : new DeleteCommand({ TableName: this.tableName, Key: claim.itemKey, ...held }),
    );
  }

  /** The reply of a committed call that stored none, rebuilt and stored once (a concurrent rebuild may store it first). */
  private async rebuilt(
    itemKey: CommittedKey,
    requestHash: string,
    committedAt: number,
    committedKey: CommittedKey,
    replay: ReplayCommitted,
  ): Promise<StoredReply> {
    const reply = await replay(committedKey);
    await this.ifStillHeld(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...idempotencyEntity.completed(itemKey, requestHash, reply, Math.floor(Date.now() / 1000) + REMEMBER_SECONDS), committedAt, committedKey },
        ConditionExpression: '#status = :inProgress AND committedAt = :committedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':committedAt': committedAt },
      }),
    );
    return reply;
  }

  /** A write about the key that only counts while this call still holds it: if another took it over, theirs stands. */
  private async ifStillHeld(command: PutCommand | UpdateCommand | DeleteCommand): Promise<void> {
    try {
      await this.documents.send(command as PutCommand);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
