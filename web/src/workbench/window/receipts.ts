/**
 * The query code of a case filed at this window in this browser session, for printing it on the case's notices. The
 * API keeps only a digest of the code (it is the applicant's secret), so a case filed elsewhere prints without it.
 */
const keyOf = (tenantId: string, caseId: string) => `tongban.workbench.query-code.${tenantId}.${caseId}`;

export const keepQueryCode = (tenantId: string, caseId: string, queryCode: string): void => sessionStorage.setItem(keyOf(tenantId, caseId), queryCode);

export const queryCodeOf = (tenantId: string, caseId: string): string | undefined => sessionStorage.getItem(keyOf(tenantId, caseId)) ?? undefined;
