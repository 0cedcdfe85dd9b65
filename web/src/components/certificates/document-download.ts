import { answerOf, citizenApi } from '@/api/client';

/**
 * Saves the holder's signed certificate document (GetCertificateDocument) as `<证照编号>.json`. The answer is taken as
 * a Blob, never parsed and re-serialised, so the file holds the very bytes the platform signed and a verifier checks.
 */
export async function downloadCertificateDocument(tenantId: string, certificateNo: string): Promise<void> {
  const document = await answerOf(
    citizenApi.GET('/v1/tenants/{tenantId}/certificate-library/{certificateNo}/document', {
      params: { path: { tenantId, certificateNo } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(document);
  const link = Object.assign(window.document.createElement('a'), { href: url, download: `${certificateNo}.json` });
  link.hidden = true;
  window.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // the browser has taken the file once the click ran: the object URL is not needed any longer
    URL.revokeObjectURL(url);
  }
}
