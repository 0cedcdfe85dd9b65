import type { RequestBody } from '@contract/client';
import type { FieldValues } from '@/components/forms/field-rules';

/**
 * The application being filled, kept in this tab's session storage so a reload loses nothing. It carries its
 * Idempotency-Key from the start: every send of this draft (a double click, a reload during the send, a retry after a
 * lost answer) uses the same key, so the API files it once. While a send has no definite answer, the exact body sent
 * is kept and re-sent unchanged (the API refuses the same key with another body). Once filed, the personal data is
 * dropped and only the case remains, for the material uploads that follow.
 */
export type CreateCaseBody = RequestBody<'CreateCase'>;
export type Applicant = CreateCaseBody['applicant'];
export type IdType = NonNullable<Applicant['idType']>;

export interface ApplicantEntry {
  name: string;
  idType: IdType | '';
  idNumber: string;
  phone: string;
}

export interface ApplyDraft {
  applicant: ApplicantEntry;
  formValues: FieldValues;
  /** 告知承诺: signed (with when) or declined; '' while not answered. */
  commitment: { choice: 'sign' | 'decline' | ''; signedAt?: string };
  idempotencyKey: string;
  /** The body of a send still without a definite answer. */
  pendingBody?: CreateCaseBody;
  /** The case once filed. */
  filed?: { caseId: string };
}

const storageKey = (tenantId: string, itemCode: string) => `tongban.apply.${tenantId}.${itemCode}`;

export function loadDraft(tenantId: string, itemCode: string): ApplyDraft | undefined {
  try {
    const stored = window.sessionStorage.getItem(storageKey(tenantId, itemCode));
    return stored ? (JSON.parse(stored) as ApplyDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function newDraft(applicant: ApplicantEntry): ApplyDraft {
  return { applicant, formValues: {}, commitment: { choice: '' }, idempotencyKey: `apply-${crypto.randomUUID()}` };
}

export function saveDraft(tenantId: string, itemCode: string, draft: ApplyDraft): void {
  try {
    window.sessionStorage.setItem(storageKey(tenantId, itemCode), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the application still works in this page, it just does not survive a reload
  }
}

export function forgetDraft(tenantId: string, itemCode: string): void {
  window.sessionStorage.removeItem(storageKey(tenantId, itemCode));
}

/** The ID digest an identity platform gives a real-name account (`custom:idDigest`): SHA-256 of `<idType>|<ID NUMBER>`. */
export async function idDigestOf(idType: string, idNumber: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${idType}|${idNumber.trim().toUpperCase()}`));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
