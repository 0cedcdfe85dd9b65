import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { securityHeaders } from '../definitions/web-security';

/**
 * The web app under `npm start`, as CloudFront serves it on AWS: the built files of web/dist on the API's origin,
 * `/portal-config.json` (what this deployment's app needs at run time), an SPA fallback (a path without a file
 * extension is a page of the app: index.html answers it), the same security headers, and the same cache rules
 * (hashed assets for a year, the page and its config never cached).
 */
export interface PortalConfig {
  readonly tenants: readonly { readonly tenantId: string; readonly name: string }[];
  readonly defaultTenantId: string;
  readonly signIn: {
    readonly citizen: { readonly issuer: string; readonly clientId: string; readonly scope: string };
    readonly staff: { readonly issuer: string; readonly clientId: string; readonly scope: string };
  };
}

export interface PortalSite {
  readonly distDir: string;
  readonly config: PortalConfig;
  /** Origins the page may call besides its own (the issuers, the S3 endpoint): its CSP connect-src. */
  readonly connectOrigins: readonly string[];
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const portalIndexFile = (distDir: string): string => join(distDir, 'index.html');

/**
 * Answers a GET or HEAD the API routes did not take; true when it answered. A path that leaves distDir (`..`) or an
 * asset that does not exist answers 404, never index.html, so a broken asset link shows as one.
 */
export function servePortal(site: PortalSite, pathname: string, method: string, response: ServerResponse): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const headers = { ...securityHeaders({ connect: site.connectOrigins }, { https: false }) };
  const send = (status: number, type: string, body: Buffer | string, cache: string) => {
    response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': cache });
    response.end(method === 'HEAD' ? undefined : body);
  };
  if (pathname === '/portal-config.json') {
    send(200, contentTypes['.json'] as string, JSON.stringify(site.config), 'no-cache');
    return true;
  }
  const index = portalIndexFile(site.distDir);
  if (!existsSync(index)) {
    send(503, 'text/plain; charset=utf-8', '网上办事大厅尚未构建，请运行 npm run build:web / The portal is not built: run npm run build:web\n', 'no-store');
    return true;
  }
  const relative = normalize(decodeURIComponentSafe(pathname)).replace(/^[/\\]+/, '');
  const file = join(site.distDir, relative);
  const inside = file === site.distDir || file.startsWith(site.distDir + sep);
  if (inside && relative !== '' && existsSync(file) && statSync(file).isFile()) {
    const immutable = relative.startsWith(`assets${sep}`);
    send(200, contentTypes[extname(file)] ?? 'application/octet-stream', readFileSync(file), immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return true;
  }
  if (!inside || extname(relative) !== '') {
    send(404, 'text/plain; charset=utf-8', '文件不存在 / Not found\n', 'no-store');
    return true;
  }
  send(200, contentTypes['.html'] as string, readFileSync(index), 'no-cache');
  return true;
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
