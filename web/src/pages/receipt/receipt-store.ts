/**
 * The receipt of a case just filed. The API shows its query code once (only a digest is kept), in the answer to
 * CreateCase; the apply page keeps it here, in this tab's session storage, for the receipt page.
 */
export interface StoredReceipt {
  readonly caseId: string;
  readonly queryCode: string;
  readonly hint: string;
  readonly noticeDeadline: string | null;
  readonly createdAt: string;
  /** The item's one-time notice window in working days (1, or 5 for complex items). */
  readonly noticeDays: number;
}

const storageKey = (tenantId: string, caseId: string) => `tongban.receipt.${tenantId}.${caseId}`;

export function saveReceipt(tenantId: string, receipt: StoredReceipt): void {
  try {
    window.sessionStorage.setItem(storageKey(tenantId, receipt.caseId), JSON.stringify(receipt));
  } catch {
    // storage unavailable: the receipt page says the query code was shown once
  }
}

export function loadReceipt(tenantId: string, caseId: string): StoredReceipt | undefined {
  try {
    const stored = window.sessionStorage.getItem(storageKey(tenantId, caseId));
    return stored ? (JSON.parse(stored) as StoredReceipt) : undefined;
  } catch {
    return undefined;
  }
}
