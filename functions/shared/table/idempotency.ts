import { keys } from './keys';

/** An Idempotency-Key as used on one route by one tenant: claimed while the first call runs, then its reply. */
export const idempotencyEntity = {
  entity: 'Idempotency',
  key: (tenantId: string, routeKey: string, key: string) => keys.idempotency(tenantId, routeKey, key),
  inProgress: (itemKey: { PK: string; SK: string }, requestHash: string, claimExpiresAt: number, expiresAt: number) => ({
    ...itemKey,
    entity: 'Idempotency',
    status: 'IN_PROGRESS',
    requestHash,
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
