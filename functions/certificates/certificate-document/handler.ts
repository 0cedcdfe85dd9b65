import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { documentBytes, type SignedCertificateDocument } from '../domain/certificate';
import { httpEndpoint } from '../../shared/http';
import { certificateContracts } from '../http-contract';
import { holderCertificateDocument } from '../use-cases';
import { certificateDependencies } from '../wiring';

const endpoint = httpEndpoint({ metric: 'CertificateDocumentDownloaded', ...certificateContracts.GetCertificateDocument }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await holderCertificateDocument(certificateDependencies(), ctx, path.certificateNo),
}));

/**
 * GET /v1/tenants/{tenantId}/certificate-library/{certificateNo}/document: the holder's signed document, as a file.
 * `httpEndpoint` answers any body as `JSON.stringify`; the document goes out as its canonical bytes, the very bytes signed
 * and stored, with the headers of a personal download. Refusals pass through as the endpoint made them.
 */
export const handler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  const reply = await endpoint(event, context);
  if (reply.statusCode !== 200 || typeof reply.body !== 'string') return reply;
  const document = JSON.parse(reply.body) as SignedCertificateDocument;
  return {
    ...reply,
    headers: {
      ...reply.headers,
      'content-disposition': `attachment; filename="${document.certificate.certificateNo}.json"`,
      'cache-control': 'no-store',
    },
    body: documentBytes(document).toString('utf8'),
  };
};
