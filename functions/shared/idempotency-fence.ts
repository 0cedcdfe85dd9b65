import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** An item's key as the document client writes it (a raw client's `{ S }` form is converted on the way). */
export interface CommittedKey {
  readonly PK: string;
  readonly SK: string;
}

/** The Idempotency-Key claim of the call running in this async context: where it is stored and the token only this call holds. */
export interface OpenClaim {
  readonly tableName: string;
  readonly itemKey: CommittedKey;
  readonly claimToken: string;
  /** Set once a fenced transaction of the call committed: the key of that transaction's first item (the case it created, say). */
  committedKey?: CommittedKey;
}

const openClaims = new AsyncLocalStorage<OpenClaim>();

/** Runs an idempotent call with its claim open: every transaction it makes is fenced by that claim. */
export const withinClaim = <T>(claim: OpenClaim, call: () => Promise<T>): Promise<T> => openClaims.run(claim, call);

type Operation = Record<string, { TableName?: string; Item?: Record<string, unknown>; Key?: Record<string, unknown> } | undefined>;

const asString = (value: unknown): string => (typeof value === 'string' ? value : String((value as { S?: unknown } | undefined)?.S ?? ''));

/** The key of the transaction's first item as written: `{ PK: 'T#…' }` from a document client, `{ PK: { S: 'T#…' } }` from a raw one. */
function firstKeyAsWritten(operations: readonly Operation[]): Record<string, unknown> | undefined {
  const first = operations[0];
  const operation = first && (first.Put ?? first.Update ?? first.Delete ?? first.ConditionCheck);
  return operation?.Item ?? operation?.Key;
}

/**
 * The condition that makes a call's state change and its "committed" mark one transaction (issue 16): the Idempotency-Key
 * item is updated only while this call still holds the claim. A call whose claim a retry took over (it was presumed dead)
 * cannot commit any more, and a crash between the change and the stored reply leaves a mark a retry can rebuild from.
 */
function fence(claim: OpenClaim, committedKey: CommittedKey | undefined, marshalled: boolean): Operation {
  const now = Math.floor(Date.now() / 1000);
  const values = { ':at': now, ':token': claim.claimToken, ':key': committedKey ?? claim.itemKey };
  const key = claim.itemKey;
  return {
    Update: {
      TableName: claim.tableName,
      Key: marshalled ? { PK: { S: key.PK }, SK: { S: key.SK } } : { ...key },
      UpdateExpression: 'SET committedAt = if_not_exists(committedAt, :at), committedKey = if_not_exists(committedKey, :key)',
      ConditionExpression: 'claimToken = :token',
      ExpressionAttributeValues: marshalled
        ? {
            ':at': { N: String(values[':at']) },
            ':token': { S: values[':token'] },
            ':key': { M: { PK: { S: values[':key'].PK }, SK: { S: values[':key'].SK } } },
          }
        : values,
    } as never,
  };
}

/**
 * Adds the fence to every TransactWriteItems call made inside an open claim, on this client and every document client
 * built from it. Every state change of an idempotent route is a transaction (the adapters write a change with its event),
 * so every one is covered; calls outside a claim pass untouched.
 */
export function fenceTransactionsOfOpenClaims(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const claim = openClaims.getStore();
      const input = args.input as { TransactItems?: Operation[] };
      if (!claim || context.commandName !== 'TransactWriteItemsCommand' || !input.TransactItems?.length) return next(args);
      // the document client marshals later in the stack; a raw client's input is marshalled already
      const written = firstKeyAsWritten(input.TransactItems);
      const marshalled = written !== undefined && typeof written.PK !== 'string';
      const committedKey = written ? { PK: asString(written.PK), SK: asString(written.SK) } : undefined;
      const output = await next({ ...args, input: { ...input, TransactItems: [...input.TransactItems, fence(claim, committedKey, marshalled)] } });
      claim.committedKey ??= committedKey;
      return output;
    },
    { step: 'initialize', name: 'idempotencyCommitFence' },
  );
}
