/**
 * The API docs page: swagger-ui-dist rendering the platform's own OpenAPI document. Every URL on it is relative to the
 * page (`/docs`), so it works under any host and base path, and its Content-Security-Policy lets the browser load
 * nothing from another host: the page works offline, inside a county's network, as in the cloud.
 */

/** Served as `GET /docs/tongban-docs.js`: starts Swagger UI (a file, not an inline script, so the CSP can refuse inline scripts). */
export const startScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    // relative to the page (/docs), like every URL of the page
    url: 'v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    filter: true,
    tryItOutEnabled: false,
    persistAuthorization: false,
    // the public validator badge would call another host
    validatorUrl: null,
  });
});
`;

/** Served as `GET /docs/tongban-docs.css`: the page's own header above Swagger UI. */
export const pageStyle = `body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
.tongban-header { padding: 16px 24px; background: #1f3a5f; color: #fff; }
.tongban-header h1 { margin: 0 0 4px; font-size: 22px; }
.tongban-header p { margin: 2px 0; font-size: 14px; }
.tongban-header a { color: #cfe3ff; }
`;

/** The page's policy: its own origin only (inline styles, which Swagger UI sets on elements, and data: images excepted). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** `GET /docs`: the HTML page, in Chinese then English. */
export const docsPage = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>通办 API 文档 · Tongban API reference</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="docs/swagger-ui.css" />
    <link rel="stylesheet" href="docs/tongban-docs.css" />
  </head>
  <body>
    <header class="tongban-header">
      <h1>通办 Tongban · 接口文档 API reference</h1>
      <p>县级政务服务平台的全部接口：路径、参数、请求体、每种应答及其错误代码，由代码中的同一份 zod 模式生成。</p>
      <p>Every route of the county government-services platform, with its parameters, bodies, answers and error codes, generated from the zod schemas the handlers parse with.</p>
      <p>机器可读的 OpenAPI 3.1 文档 / The machine-readable OpenAPI 3.1 document: <a href="v1/openapi.json">v1/openapi.json</a></p>
    </header>
    <noscript>
      <p>本页需要启用 JavaScript；接口定义也可直接读取 <a href="v1/openapi.json">v1/openapi.json</a>。</p>
      <p>This page needs JavaScript; the API description itself is at <a href="v1/openapi.json">v1/openapi.json</a>.</p>
    </noscript>
    <main id="swagger-ui"></main>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/tongban-docs.js"></script>
  </body>
</html>
`;

/** The page's own files, served beside swagger-ui-dist's as `GET /docs/{asset}`. */
export const pageAssets: Readonly<Record<string, { readonly contentType: string; readonly text: string }>> = {
  'tongban-docs.js': { contentType: 'text/javascript; charset=utf-8', text: startScript },
  'tongban-docs.css': { contentType: 'text/css; charset=utf-8', text: pageStyle },
};
