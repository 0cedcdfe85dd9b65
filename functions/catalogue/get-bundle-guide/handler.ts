import { httpEndpoint } from '../../shared/http';
import { catalogueContracts } from '../http-contract';
import { bundleGuide } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/bundles/{bundleCode}: a 一件事 bundle with one merged form and material list. */
export const handler = httpEndpoint({ metric: 'BundleGuideViewed', ...catalogueContracts.GetBundleGuide }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await bundleGuide(catalogueDependencies(), ctx.tenantId, path.bundleCode),
}));
