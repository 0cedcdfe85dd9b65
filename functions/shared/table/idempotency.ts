import { keys } from './keys';

/**
 * An Idempotency-Key as used on one route by one tenant: claimed while the first call runs (with a token only that call
 * holds), marked `committedAt` by the transaction that changed state (with the key of its first item), then its reply.
 */
export const idempotencyEntity = {
  entity: 'Idempotency',
  key: (tenantId: string, routeKey: string, key: string) => keys.idempotency(tenantId, routeKey, key),
  inProgress: (itemKey: { PK: string; SK: string }, requestHash: string, claimToken: string, claimExpiresAt: number, expiresAt: number) => ({
    ...itemKey,
    entity: 'Idempotency',
    status: 'IN_PROGRESS',
    requestHash,
    claimToken,
    claimExpiresAt,
    expiresAt,
  }),
  completed: (itemKey: { PK: string; SK: string }, requestHash: string, reply: unknown, expiresAt: number) => ({
    ...itemKey,
    entity: 'Idempotency',
    status: 'COMPLETED',
    requestHash,
    reply,
    expiresAt,
  }),
};
