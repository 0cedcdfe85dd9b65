import { z } from 'zod';
import { routeContracts } from '../shared/api-contract';
import { swaggerUiAssets } from './serve-docs/assets';
import { pageAssets } from './serve-docs/page';

const tag = '接口文档 API docs';

/** The OpenAPI document as served: described by its own top level (the rest is the OpenAPI 3.1 schema's business). */
const openApiDocumentSchema = z
  .looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .describe('OpenAPI 3.1 文档 / An OpenAPI 3.1 document');

const assetNames = [...Object.keys(swaggerUiAssets), ...Object.keys(pageAssets)].map((name) => `\`${name}\``).join(', ');

const text = (what: string) => z.string().describe(what);

/** The routes of the published API contract and its docs page (functions/api-docs). */
export const apiDocsContracts = routeContracts({
  GetOpenApiDocument: {
    summary: '获取 OpenAPI 文档 / Get the OpenAPI document',
    description:
      '本平台全部接口的机器可读说明（OpenAPI 3.1），由路由定义与处理程序所用的 zod 模式生成（`npm run openapi`），可用于生成客户端与一致性测试。\n\n' +
      'The machine-readable description of every route (OpenAPI 3.1), generated from the route definitions and the zod schemas the handlers parse with (`npm run openapi`): for generated clients and conformance runs.',
    tag,
    responses: { 200: { description: 'OpenAPI 3.1 文档 / The OpenAPI 3.1 document', schema: openApiDocumentSchema } },
    errors: {},
  },
  GetApiDocsPage: {
    summary: '接口文档页面 / The API docs page',
    description:
      '以 Swagger UI 呈现本文档的网页；所需文件均由本平台提供，不访问其他站点，离线可用。\n\n' +
      'A web page rendering this document with Swagger UI; every file it needs is served by the platform itself, so it works offline.',
    tag,
    responses: { 200: { description: 'HTML 页面 / The HTML page', schema: text('HTML'), mediaTypes: ['text/html'] } },
    errors: {},
  },
  GetApiDocsAsset: {
    summary: '接口文档页面所需文件 / A file of the API docs page',
    // no `path` schema: the handler looks the name up in its lists and answers 404 for any other, never 400
    description: `swagger-ui-dist 的样式与脚本，以及页面自身的启动脚本与样式 / swagger-ui-dist's stylesheet and script, and the page's own start script and style: ${assetNames}.`,
    tag,
    responses: {
      200: { description: '样式表或脚本 / The stylesheet or script', schema: text('CSS / JavaScript'), mediaTypes: ['text/css', 'text/javascript'] },
    },
    errors: { 404: ['DOCS_ASSET_NOT_FOUND'] },
  },
});
