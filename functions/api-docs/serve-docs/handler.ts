import { NotFoundError } from '../../shared/errors';
import { staticEndpoint } from '../static-endpoint';
import { isSwaggerUiAsset, swaggerUiAsset, swaggerUiAssets } from './assets';
import { contentSecurityPolicy, docsPage, pageAssets } from './page';

const assetNotFound = (name: string) => new NotFoundError({ zh: '文档页面资源', en: 'Docs page asset', code: 'DOCS_ASSET_NOT_FOUND' }, name);

/**
 * GET /docs: the API docs page; GET /docs/{asset}: the files it loads (swagger-ui-dist's, from this function's
 * bundle, and its own). Only the names listed are served, so a path parameter never reaches the file system.
 */
export const handler = staticEndpoint('ApiDocsServed', (event) => {
  const asset = event.pathParameters?.asset;
  if (asset === undefined) {
    return { statusCode: 200, contentType: 'text/html; charset=utf-8', body: docsPage, headers: { 'content-security-policy': contentSecurityPolicy } };
  }
  const own = Object.prototype.hasOwnProperty.call(pageAssets, asset) ? pageAssets[asset] : undefined;
  if (own) return { statusCode: 200, contentType: own.contentType, body: own.text, cacheControl: 'public, max-age=300' };
  if (!isSwaggerUiAsset(asset)) throw assetNotFound(asset);
  // swagger-ui-dist is pinned in package.json: a new version is a new deployment
  return { statusCode: 200, contentType: swaggerUiAssets[asset], body: swaggerUiAsset(asset), cacheControl: 'public, max-age=86400' };
});
