/**
 * The part of a published service item (事项) that case handling needs: what to ask for and which
 * departments decide. A case keeps the version it was filed under (catalogue versions are immutable).
 */
export interface FormFieldRule {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
}

export interface ItemDepartment {
  readonly deptId: string;
  readonly lead: boolean;
  /** Working days this department has for its stage (环节时限). */
  readonly stageDays: number;
}

export interface PublishedItem {
  readonly tenantId: string;
  readonly code: string;
  readonly name: string;
  readonly version: number;
  readonly handlingKind: '即办件' | '承诺件';
  readonly legalDays: number;
  readonly promisedDays: number;
  readonly noticeDays: number;
  readonly formFields: readonly FormFieldRule[];
  readonly departments: readonly ItemDepartment[];
}

/** Who changed an item, when and why: every published version carries it. */
export interface ItemChange {
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

export interface ItemVersionRecord {
  readonly published: PublishedItem;
  readonly change: ItemChange;
}

/** Port: the service-item catalogue (事项库); published versions are immutable. */
export interface ItemCatalogue {
  publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined>;
  itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined>;
  versions(tenantId: string, itemCode: string): Promise<ItemVersionRecord[]>;
  /** Stores version n and makes it current; refuses an existing version or a gap. */
  publish(record: ItemVersionRecord): Promise<void>;
}
