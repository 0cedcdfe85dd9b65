import { monotonicFactory } from 'ulid';
import { environmentNames } from './environment-names';

/** The real clock and id source, injected into use cases (domain code never reads them itself). */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/**
 * Only the local platform sets this (drills and tests that must see a deadline pass); no deployed
 * function has it, which an infra test checks.
 */
export const LOCAL_CLOCK_OFFSET_VARIABLE = environmentNames.localClockOffsetMs;

export const systemClock: Clock = { now: () => new Date(Date.now() + Number(process.env[LOCAL_CLOCK_OFFSET_VARIABLE] ?? 0)) };

const monotonicUlid = monotonicFactory();
export const ulidGenerator: IdGenerator = { next: () => monotonicUlid() };
