import { httpEndpoint } from '../../shared/http';
import { catalogueContracts } from '../http-contract';
import { itemGuide } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/items/{itemCode}: the public guide (办事指南) of the current version. */
export const handler = httpEndpoint({ metric: 'GuideViewed', ...catalogueContracts.GetItemGuide }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await itemGuide(catalogueDependencies(), ctx.tenantId, path.itemCode),
}));
