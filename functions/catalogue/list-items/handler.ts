import { httpEndpoint } from '../../shared/http';
import { catalogueContracts } from '../http-contract';
import { listCatalogue } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/items: the tenant's catalogue (事项库) of published items and bundles. */
export const handler = httpEndpoint({ metric: 'CatalogueViewed', ...catalogueContracts.ListItems }, async ({ ctx }) => ({
  statusCode: 200,
  body: await listCatalogue(catalogueDependencies(), ctx.tenantId),
}));
