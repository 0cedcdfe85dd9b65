import type { ClockMonitor } from '../../../functions/shared/monitoring';
import type { Clock, IdGenerator } from '../../../functions/shared/runtime';

/** A clock the test moves by hand. */
export interface ManualClock extends Clock {
  advanceSeconds(seconds: number): void;
  set(iso: string): void;
}

/** Starts at `iso`; with `tickMs`, every reading moves it on by that much, as time passes between the steps of a real request. */
export const aClock = (iso: string, options: { tickMs?: number } = {}): ManualClock => {
  let now = new Date(iso).getTime();
  return {
    now: () => {
      const reading = new Date(now);
      now += options.tickMs ?? 0;
      return reading;
    },
    advanceSeconds: (seconds) => {
      now += seconds * 1000;
    },
    set: (to) => {
      now = new Date(to).getTime();
    },
  };
};

/** A clock that never moves. */
export const aFixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/**
 * Ids that sort in the order they are made, as ULIDs do (timeline events are read in id order):
 * `<prefix>0001`, `<prefix>0002`, … The default prefix keeps them well-formed ULID characters.
 */
export const sequentialIds = (prefix = '01KAB4M7Q0Y8ZB1N2P3R4S', width = 26 - prefix.length): IdGenerator & { readonly issued: number } => {
  let issued = 0;
  return {
    next: () => `${prefix}${String((issued += 1)).padStart(Math.max(width, 1), '0')}`,
    get issued() {
      return issued;
    },
  };
};

/** The operational signals a use case raised, kept for the test to read. */
export class RecordingClockMonitor implements ClockMonitor {
  readonly gaps: { year: number; tenantId: string; caseId: string }[] = [];
  calendarGap(year: number, where: { tenantId: string; caseId: string }): void {
    this.gaps.push({ year, ...where });
  }
}
