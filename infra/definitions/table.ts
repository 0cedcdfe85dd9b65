import { type EnvironmentName, environmentNames } from '../../functions/shared/environment-names';

/**
 * The single table, described once as data. The CDK stateful stack and the local runtime both
 * build the table from this description, so the two targets can never disagree on keys or indexes.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface GlobalIndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  /** Why the index exists: the access pattern it serves (see docs/access-patterns.md). */
  readonly serves: string;
}

export interface TableDefinition {
  /** Environment variable through which every function receives the table name. */
  readonly nameEnvironmentVariable: EnvironmentName;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly timeToLiveAttribute: string;
  /** The change stream the event relay reads (new images only: relayed events are inserts). */
  readonly streamView: 'NEW_IMAGE';
  readonly globalIndexes: readonly GlobalIndexDefinition[];
}

export const tableDefinition: TableDefinition = {
  nameEnvironmentVariable: environmentNames.tableName,
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  timeToLiveAttribute: 'expiresAt',
  streamView: 'NEW_IMAGE',
  globalIndexes: [
    {
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: 'S' },
      sortKey: { name: 'GSI1SK', type: 'S' },
      serves: "a department's tasks by status and deadline",
    },
    {
      indexName: 'GSI2',
      partitionKey: { name: 'GSI2PK', type: 'S' },
      sortKey: { name: 'GSI2SK', type: 'S' },
      serves: "an applicant's cases, newest first",
    },
  ],
};
