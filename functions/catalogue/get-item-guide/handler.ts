import { z } from 'zod';
import { httpEndpoint } from '../../shared/http';
import { itemGuide } from '../use-cases';
import { catalogueDependencies } from '../wiring';

export const itemCodePath = z.object({ itemCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'expected an item code such as GTGH-0001') });

/** GET /v1/tenants/{tenantId}/items/{itemCode}: the public guide (办事指南) of the current version. */
export const handler = httpEndpoint({ metric: 'GuideViewed', path: itemCodePath }, async ({ ctx, path }) => ({
  statusCode: 200,
  body: await itemGuide(catalogueDependencies(), ctx.tenantId, path.itemCode),
}));
