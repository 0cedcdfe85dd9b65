import { httpEndpoint } from '../../shared/http';
import { catalogueContracts } from '../http-contract';
import { itemVersions } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/items/{itemCode}/versions: every published version with who/when/why. */
export const handler = httpEndpoint({ metric: 'ItemVersionsViewed', ...catalogueContracts.ListItemVersions }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await itemVersions(catalogueDependencies(), ctx.tenantId, path.itemCode),
}));
