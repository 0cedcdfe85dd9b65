import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { applicantDigest } from '../../kernel/applicant';
import { attributesOf, type Item, putNew, type TransactItem } from './items';
import { keys } from './keys';
import type { Page } from '../../kernel/page';
import { decodeCursor, encodeCursor } from './cursor';
import { getItem, queryAll, queryPage } from './reads';

/**
 * The case (办件) and its timeline, in the case partition `T#<tenant>#CASE#<caseId>`. Materials, the
 * result release, certificate pointers and reviews of the case sit in the same partition under their
 * own sort keys (see their codecs).
 */

/** Statuses whose case still runs a clock (notice window, promised deadline or result delivery): indexed by status, the others drop out. */
export const CLOCKED_STATUSES = ['submitted', 'supplement_requested', 'accepted', 'in_approval', 'completed'] as const;
export type ClockedStatus = (typeof CLOCKED_STATUSES)[number];

const isClocked = (status: string): boolean => (CLOCKED_STATUSES as readonly string[]).includes(status);

/** What the table indexes of a case: its status (GSI1, sparse), since when, and its applicant (GSI2, by digest). */
export interface IndexedCase {
  readonly tenantId: string;
  readonly caseId: string;
  readonly status: string;
  readonly createdAt: string;
  readonly receivedAt?: string;
  readonly completedAt?: string;
  readonly applicant: { readonly idType: string; readonly idNumber: string };
}

export const caseEntity = {
  entity: 'Case',
  key: (tenantId: string, caseId: string) => keys.case(tenantId, caseId),
  toItem: <C extends IndexedCase>(value: C) => ({
    ...keys.case(value.tenantId, value.caseId),
    entity: 'Case',
    // sparse: a finished case leaves the index (the item is put whole, so the attributes simply go)
    ...(isClocked(value.status)
      ? {
          GSI1PK: keys.casesInStatus(value.tenantId, value.status),
          GSI1SK: keys.caseInStatusSort(value.completedAt ?? value.receivedAt ?? value.createdAt, value.caseId),
        }
      : {}),
    GSI2PK: keys.applicantCases(value.tenantId, applicantDigest(value.tenantId, value.applicant.idType, value.applicant.idNumber)),
    GSI2SK: keys.applicantCaseSort(value.createdAt, value.caseId),
    ...value,
  }),
  fromItem: <C>(item: Item): C => attributesOf<C>(item),
  /** The case as last written (strongly consistent), typed by the reader; undefined when there is none. */
  get: async <C>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, caseId: string): Promise<C | undefined> => {
    const item = await getItem(documents, tableName, keys.case(tenantId, caseId), { consistent: true });
    return item ? attributesOf<C>(item) : undefined;
  },
  /**
   * The tenant's cases in one clocked status, oldest first (GSI1, one sparse partition per status);
   * `since` keeps those that entered it (received, or completed) on or after that instant.
   */
  listInStatus: async <C>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, status: ClockedStatus, since?: string): Promise<C[]> => {
    const { items } = await queryAll(documents, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: since ? 'GSI1PK = :status AND GSI1SK >= :since' : 'GSI1PK = :status',
      ExpressionAttributeValues: { ':status': keys.casesInStatus(tenantId, status), ...(since ? { ':since': since } : {}) },
    });
    return items.map((item) => attributesOf<C>(item));
  },
  /**
   * One page of the tenant's cases in one clocked status, oldest first (the order they entered it): the window's and
   * supervision's queues. One item more than the page is read, so `nextCursor` is there only when another page is.
   */
  pageInStatus: async <C>(
    documents: DynamoDBDocumentClient,
    tableName: string,
    tenantId: string,
    status: ClockedStatus,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<C>> => {
    const partition = keys.casesInStatus(tenantId, status);
    const items = await queryPage(documents, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :status',
      ExpressionAttributeValues: { ':status': partition },
      ExclusiveStartKey: decodeCursor(page.cursor, 'GSI1PK', partition),
      Limit: page.limit + 1,
    });
    const shown = items.slice(0, page.limit);
    const last = items.length > page.limit ? shown[shown.length - 1] : undefined;
    return {
      items: shown.map((item) => attributesOf<C>(item)),
      nextCursor: last ? encodeCursor({ PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK }) : undefined,
    };
  },
  /**
   * A guard on the case inside another aggregate's transaction (a certificate, a release, a material
   * reference): the transaction fails unless the case is in one of `statuses` when it is written.
   */
  inStatus: (tableName: string, tenantId: string, caseId: string, statuses: readonly string[]): TransactItem => {
    const values = Object.fromEntries(statuses.map((status, index) => [`:status${index}`, status]));
    return {
      ConditionCheck: {
        TableName: tableName,
        Key: keys.case(tenantId, caseId),
        ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      },
    };
  },
};

/** What every timeline event has, whichever context writes it (case, task, material, release and notice events). */
export interface TimelineEvent {
  readonly eventId: string;
  readonly caseId: string;
}

export const caseEventEntity = {
  entity: 'CaseEvent',
  toItem: <E extends TimelineEvent>(tenantId: string, event: E) => ({
    ...keys.caseEvent(tenantId, event.caseId, event.eventId),
    entity: 'CaseEvent',
    ...event,
  }),
  fromItem: <E>(item: Item): E => attributesOf<E>(item),
  /** The case's whole timeline, in event-id (ULID, so time) order. */
  timeline: async <E>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, caseId: string): Promise<E[]> => {
    const { items } = await queryAll(documents, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
      ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId), ':evt': keys.caseEventPrefix },
    });
    return items.map((item) => attributesOf<E>(item));
  },
  /** Adds an event to a case's timeline on its own, once: false when an event with that id is already there. */
  append: async <E extends TimelineEvent>(documents: DynamoDBDocumentClient, tableName: string, tenantId: string, event: E): Promise<boolean> => {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.caseEvent(tenantId, event.caseId, event.eventId), entity: 'CaseEvent', ...event },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
  /** Every change of a case, task, material or release is written with its event in one transaction: this is that event's put. */
  putNew: <E extends TimelineEvent>(tableName: string, tenantId: string, event: E): TransactItem => putNew(tableName, caseEventEntity.toItem(tenantId, event)),
};
