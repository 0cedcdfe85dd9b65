import { z } from 'zod';
import { tenantOfCertificateRequest } from '../../functions/certificates/use-cases';
import { httpEndpoint } from '../../functions/shared/http';
import { aLambdaContext, anApiEvent } from '../support/api-gateway';

/** A public route without `{tenantId}`: the tenant is read from the certificate number instead. */
const publicEndpoint = httpEndpoint(
  { metric: 'Test', path: z.object({ certificateNo: z.string() }), tenantFrom: tenantOfCertificateRequest },
  async ({ ctx }) => ({ statusCode: 200, body: { tenant: ctx.tenantId } }),
);

const call = async (certificateNo: string) => {
  const result = await publicEndpoint(
    anApiEvent({ method: 'GET', path: `/v1/certificates/${certificateNo}/verify`, pathParameters: { certificateNo } }),
    aLambdaContext(),
  );
  return { status: result.statusCode, body: JSON.parse(result.body as string) as Record<string, unknown> };
};

describe('given an endpoint that takes its tenant from a certificate number', () => {
  it('when the number is well formed then the request context carries the tenant it leads with', async () => {
    await expect(call('630103-2026-BUSINESS_LICENSE-CDZHR6AF80QD')).resolves.toEqual({ status: 200, body: { tenant: '630103' } });
  });

  it('when the number is malformed then it is a 400 CERTIFICATE_NO_INVALID in Chinese and English, not a tenant error', async () => {
    await expect(call('..%2F..%2Fetc')).resolves.toMatchObject({
      status: 400,
      body: { code: 'CERTIFICATE_NO_INVALID', messageZh: expect.stringMatching(/证照编号/), messageEn: expect.any(String) },
    });
  });
});
