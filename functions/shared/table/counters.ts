import type { Item } from './items';
import { keys } from './keys';

/** Marks an event as applied to the supervision counters, in the same transaction, so a redelivery changes nothing. */
export const appliedEventEntity = {
  entity: 'AppliedEvent',
  toItem: (tenantId: string, eventId: string, expiresAt: number) => ({ ...keys.appliedEvent(tenantId, eventId), entity: 'AppliedEvent', expiresAt }),
};

/** The facts the counters last counted for one subject (a case or a ledger entry), versioned. */
export const counterFactsEntity = {
  entity: 'CounterFacts',
  key: (tenantId: string, subject: string) => keys.counterFacts(tenantId, subject),
  toItem: (tenantId: string, subject: string, facts: unknown, version: number) => ({
    ...keys.counterFacts(tenantId, subject),
    entity: 'CounterFacts',
    facts,
    version,
  }),
  read: <F>(item: Item | undefined): { facts?: F; version: number } => (item ? { facts: item.facts as F, version: Number(item.version) } : { version: 0 }),
};

/** A counter row: only ever changed by `ADD` updates, which also set this tag. */
export const counterEntity = {
  entity: 'Counter',
  /** The row's counter values, without its keys and tag. */
  valuesOf: (item: Item): Record<string, number> => {
    const { PK: _pk, SK: _sk, entity: _entity, ...values } = item;
    return values as Record<string, number>;
  },
};
