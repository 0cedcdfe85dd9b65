import { httpEndpoint } from '../../shared/http';
import { certificateContracts } from '../http-contract';
import { listCertificateLibrary } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/certificate-library: the signed-in holder's certificates (免证办), by their real-name account. */
export const handler = httpEndpoint({ metric: 'CertificateLibraryViewed', ...certificateContracts.ListCertificateLibrary }, async ({ ctx }) => ({
  statusCode: 200,
  body: await listCertificateLibrary(certificateDependencies(), ctx),
}));
