import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Where each stream consumer got to, per shard, in the data directory: the sequence number of the last record it
 * processed (or that its filter passed over), and whether it read a closed shard to its end. A restart, even after
 * `kill -9`, resumes after that record, so nothing written while the platform was down or in the middle of a batch is
 * skipped; a batch cut short is read again, which the consumers take (at-least-once, as Lambda's mapping delivers).
 */
export interface ShardCheckpoint {
  readonly after?: string;
  readonly finished?: boolean;
}

export class StreamCheckpoints {
  private readonly entries: Record<string, ShardCheckpoint>;

  constructor(private readonly file: string) {
    this.entries = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ShardCheckpoint>) : {};
  }

  /** Whether the consumer has any checkpoint: false only on the first start of a data directory. */
  hasAny(consumer: string): boolean {
    return Object.keys(this.entries).some((key) => key.startsWith(`${consumer}:`));
  }

  of(consumer: string, shardId: string): ShardCheckpoint | undefined {
    return this.entries[`${consumer}:${shardId}`];
  }

  /** Written through a temporary file and a rename, so a kill mid-write leaves the previous checkpoint, never half of one. */
  save(consumer: string, shardId: string, checkpoint: ShardCheckpoint): void {
    this.entries[`${consumer}:${shardId}`] = checkpoint;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.entries));
    renameSync(temporary, this.file);
  }
}
