import type { AuditRecord } from '../../kernel/audit-record';
import type { CounterIncrement, SubjectFacts } from './counters';

export interface StoredFacts {
  readonly facts?: SubjectFacts;
  /** 0 when the subject has no facts yet. */
  readonly version: number;
}

/** One event's effect: its marker, the subject's new facts, the counter increments and its audit record, stored atomically. */
export interface CounterChange {
  readonly tenantId: string;
  readonly eventId: string;
  readonly subject?: { readonly key: string; readonly facts: SubjectFacts; readonly expectedVersion: number };
  /** Division codes the TOTAL and ITEM rows roll up to (city, province), besides the tenant itself. */
  readonly rollUpTo: readonly string[];
  readonly increments: readonly CounterIncrement[];
  readonly audit: AuditRecord;
}

export interface CounterRow {
  readonly row: string;
  readonly values: Readonly<Record<string, number>>;
}

export interface CounterRead {
  readonly rows: readonly CounterRow[];
  /** What the read cost, so the constant cost of a dashboard can be shown and tested. */
  readonly itemsRead: number;
  readonly readCapacityUnits: number;
}

/** Port: the counters, the facts behind them and the audit trail (one table). */
export interface CounterStore {
  facts(tenantId: string, subject: string): Promise<StoredFacts>;
  /**
   * Applies a change once: 'duplicate' when the event was applied before, 'stale' when the subject's
   * facts moved meanwhile (re-read and retry). Concurrent changes to the same counters are retried inside.
   */
  apply(change: CounterChange): Promise<'applied' | 'duplicate' | 'stale'>;
  /** Every counter row of one division and period (one Query). */
  readPeriod(divisionCode: string, period: string): Promise<CounterRead>;
  readStaff(tenantId: string, period: string, staffId: string): Promise<CounterRead>;
}

/** Port: the audit trail's queries (append-only; there is no update or delete). */
export interface AuditLog {
  ofCase(tenantId: string, caseId: string, limit: number): Promise<AuditRecord[]>;
  ofStaff(tenantId: string, staffId: string, limit: number): Promise<AuditRecord[]>;
  ofDay(tenantId: string, day: string): Promise<AuditRecord[]>;
}

/** Port: where daily exports go (S3 on AWS, the local S3 stand-in on this machine). */
export interface ExportStore {
  put(key: string, jsonLines: string): Promise<void>;
}
