import { bundledAssetFolder, swaggerUiAssets, swaggerUiPackage } from '../../../functions/api-docs/serve-docs/assets';
import type { FunctionDefinition } from './definition';

/**
 * The published API contract (functions/api-docs): the OpenAPI document generated from the route definitions and
 * their contracts (`npm run openapi`, committed as schemas/openapi.json) and an offline docs page over it. Public,
 * touching nothing of the platform's data. They deploy with the catalogue's construct, the other public reads.
 */
export const apiDocsFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'GetOpenApiDocument',
    context: 'catalogue',
    entry: 'functions/api-docs/serve-openapi/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/openapi.json', audience: 'public' },
    access: [],
  },
  {
    id: 'GetApiDocsPage',
    context: 'catalogue',
    entry: 'functions/api-docs/serve-docs/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/docs', audience: 'public' },
    access: [],
  },
  {
    id: 'GetApiDocsAsset',
    context: 'catalogue',
    entry: 'functions/api-docs/serve-docs/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/docs/{asset}', audience: 'public' },
    access: [],
    // swagger-ui-dist is not code esbuild bundles: its files are copied beside the handler
    bundledFiles: Object.keys(swaggerUiAssets).map((name) => ({ from: `${swaggerUiPackage}/${name}`, to: `${bundledAssetFolder}/${name}` })),
  },
];
