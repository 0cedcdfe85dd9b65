import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { bundleGuide } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** GET /v1/tenants/{tenantId}/bundles/{bundleCode}: a 一件事 bundle with one merged form and material list. */
export const handler = httpEndpoint(
  { metric: 'BundleGuideViewed', path: z.object({ bundleCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'expected a bundle code such as XSECS') }) },
  async ({ ctx, path }) => ({ statusCode: 200, body: await bundleGuide(catalogueDependencies(), ctx.tenantId, path.bundleCode) }),
);
