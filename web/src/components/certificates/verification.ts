import { answerOf, type paths, publicApi, type Schema } from '@/api/client';
import { ApiProblem } from '@/api/problem';

/**
 * What a verification answers: the platform's verdict, or — for a number the platform never issued — its refusal in
 * Chinese, which to a verifier is a failed verification too. Any other refusal (a malformed number, a bad document)
 * stays an ApiProblem for the form to show at its field.
 */
export type Verdict = Schema<'CertificateVerdict'>;
export type VerificationOutcome = { readonly verdict: Verdict } | { readonly unknownNumber: string; readonly messageZh: string };
/** The signed document a holder hands over, as the API takes it: what it certifies and the platform's signature over that. */
export type PresentedDocument = NonNullable<paths['/v1/certificates/verification']['post']['requestBody']>['content']['application/json'];

export async function verifyNumber(certificateNo: string): Promise<VerificationOutcome> {
  try {
    return { verdict: await answerOf(publicApi.GET('/v1/certificates/{certificateNo}/verify', { params: { path: { certificateNo } } })) };
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'CERTIFICATE_NOT_FOUND') return { unknownNumber: certificateNo, messageZh: error.messageZh };
    throw error;
  }
}

export async function verifyPresentedDocument(document: PresentedDocument): Promise<VerificationOutcome> {
  return { verdict: await answerOf(publicApi.POST('/v1/certificates/verification', { body: document })) };
}
