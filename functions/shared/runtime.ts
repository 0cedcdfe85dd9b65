import { monotonicFactory } from 'ulid';

/** The real clock and id source, injected into use cases (domain code never reads them itself). */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };

const monotonicUlid = monotonicFactory();
export const ulidGenerator: IdGenerator = { next: () => monotonicUlid() };
