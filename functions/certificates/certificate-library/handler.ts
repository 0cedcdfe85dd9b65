import { httpEndpoint } from '../../shared/http';
import { certificateLibraryBody, listCertificateLibrary } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/certificate-library: the holder's valid certificates (免证办), identified like "my cases". */
export const handler = httpEndpoint({ metric: 'CertificateLibraryViewed', body: certificateLibraryBody }, async ({ ctx, body }) => ({
  statusCode: 200,
  body: await listCertificateLibrary(certificateDependencies(), ctx, body),
}));
