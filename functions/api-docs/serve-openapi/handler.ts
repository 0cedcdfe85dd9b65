import { staticEndpoint } from '../static-endpoint';

/**
 * The committed OpenAPI document (schemas/openapi.json, `npm run openapi`), bundled into the function by esbuild:
 * what is served is what the tests checked, with no file to deploy beside it. Rendered once per cold start.
 */
const documentText = JSON.stringify(require('../../../schemas/openapi.json'));

/** GET /v1/openapi.json: the platform's API contract, public, for the docs page, generated clients and integrators. */
export const handler = staticEndpoint('OpenApiDocumentServed', () => ({
  statusCode: 200,
  contentType: 'application/json; charset=utf-8',
  body: documentText,
  cacheControl: 'public, max-age=300',
}));
