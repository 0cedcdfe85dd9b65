/** The written notices of a case, at every stage that issues one: their numbers and the case's notice list. */

import type { Case, CaseNotice, NoticeKind } from './model';

/** The case's notices with `notice` added at the end (unchanged when there is none). */
export const withNotice = (current: Case, notice: CaseNotice | undefined): readonly CaseNotice[] => [...(current.notices ?? []), ...(notice ? [notice] : [])];

/** Notice numbers: kind prefix, tenant, Shanghai date of issue and the case id tail; one notice per kind and case. */
export function noticeNumber(kind: NoticeKind, tenantId: string, caseId: string, issuedAt: string): string {
  const prefix = { acceptance: 'SL', supplement: 'BZ', rejection: 'BY', return: 'TJ' }[kind];
  const shanghaiDay = new Date(Date.parse(issuedAt) + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}${tenantId}${shanghaiDay}${caseId.slice(-8)}`;
}
