import { createServer, request as forward, type Server } from 'node:http';
import type { BrowserAccessRule } from '../definitions/buckets';
import { listenOn } from './engines';

/**
 * fauxqs answers no CORS preflight, so a browser could not PUT a material to a presigned URL. This front stands where
 * the S3 endpoint is (AWS_ENDPOINT_URL_S3, so presigned URLs name it) and does what S3 does with a bucket's CORS
 * rules: answers preflights for the allowed origins and methods, adds the CORS headers to real answers, and passes
 * every request through to fauxqs untouched (signatures included). The rules are the bucket definitions' own
 * (`browserAccess`), the ones CDK sets on the deployed bucket.
 */
export interface S3CorsFrontOptions {
  readonly port: number;
  /** The emulator behind it. */
  readonly target: string;
  readonly allowedOrigins: readonly string[];
  readonly rule: BrowserAccessRule;
}

export function corsHeadersFor(
  rule: BrowserAccessRule,
  allowedOrigins: readonly string[],
  origin: string | undefined,
  preflight?: { method: string; headers: string },
): Record<string, string> | undefined {
  if (!origin || !allowedOrigins.includes(origin)) return undefined;
  if (preflight && !rule.allowedMethods.includes(preflight.method as BrowserAccessRule['allowedMethods'][number])) return undefined;
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (preflight) {
    headers['access-control-allow-methods'] = rule.allowedMethods.join(', ');
    if (preflight.headers) headers['access-control-allow-headers'] = rule.allowedHeaders.includes('*') ? preflight.headers : rule.allowedHeaders.join(', ');
    headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  } else if (rule.exposedHeaders.length > 0) {
    headers['access-control-expose-headers'] = rule.exposedHeaders.join(', ');
  }
  return headers;
}

export async function startS3CorsFront(options: S3CorsFrontOptions): Promise<Server> {
  const target = new URL(options.target);
  const server = createServer((request, response) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      const headers = corsHeadersFor(options.rule, options.allowedOrigins, origin, {
        method: String(request.headers['access-control-request-method']),
        headers: String(request.headers['access-control-request-headers'] ?? ''),
      });
      response.writeHead(headers ? 200 : 403, headers ?? { 'content-type': 'application/xml' });
      response.end(headers ? undefined : '<Error><Code>AccessForbidden</Code><Message>CORSResponse: This CORS request is not allowed.</Message></Error>');
      return;
    }
    const upstream = forward(
      { hostname: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...corsHeadersFor(options.rule, options.allowedOrigins, origin) });
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(503, { 'content-type': 'application/xml' });
      response.end('<Error><Code>ServiceUnavailable</Code><Message>the local S3 emulator is not answering</Message></Error>');
    });
    request.pipe(upstream);
  });
  return listenOn(server, options.port);
}
