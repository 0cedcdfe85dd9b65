import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionDefinition } from '../definitions/functions';
import type { RouteAudience } from '../definitions/functions/definition';
import { listenOn } from './engines';
import type { JwtAuthorizers } from './jwt-authorizer';
import type { LambdaHost } from './lambda-host';
import { type PortalSite, servePortal } from './portal-site';

const MAX_BODY_BYTES = 6 * 1024 * 1024; // the Lambda synchronous payload limit

interface Route {
  readonly functionId: string;
  readonly method: string;
  readonly template: string;
  readonly audience: RouteAudience;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
}

function compile(definition: FunctionDefinition): Route | undefined {
  if (definition.trigger.kind !== 'http') return undefined;
  const parameterNames: string[] = [];
  const pattern = definition.trigger.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    parameterNames.push(name);
    return '([^/]+)';
  });
  return {
    functionId: definition.id,
    method: definition.trigger.method,
    template: definition.trigger.path,
    audience: definition.trigger.audience,
    pattern: new RegExp(`^${pattern}/?$`),
    parameterNames,
  };
}

const bilingual = (code: string, zh: string, en: string, requestId?: string) =>
  JSON.stringify({ code, message: `${zh} / ${en}`, messageZh: zh, messageEn: en, ...(requestId ? { requestId } : {}) });

/** The claims a JWT authorizer verified, in the shape API Gateway hands them over (`requestContext.authorizer.jwt`). */
export interface VerifiedJwt {
  readonly claims: Readonly<Record<string, string>>;
}

/**
 * Stands in for API Gateway (HTTP API, payload format 2.0): the same routes as the CDK stack,
 * each request turned into the event the deployed function would receive.
 */
export function toApiGatewayEvent(
  route: Route,
  request: IncomingMessage,
  url: URL,
  match: RegExpExecArray,
  body: Buffer,
  requestId: string = randomUUID(),
  jwt?: VerifiedJwt,
): APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : (value ?? '')]),
  );
  const query = url.searchParams.size > 0 ? Object.fromEntries(url.searchParams.entries()) : undefined;
  const pathParameters = Object.fromEntries(route.parameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1] as string)]));
  const contentType = headers['content-type'] ?? '';
  const textual = body.length === 0 || /json|text|xml|x-www-form-urlencoded/.test(contentType);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.template}`,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(route.parameterNames.length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${route.method} ${route.template}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(jwt ? { authorizer: { jwt: { claims: { ...jwt.claims }, scopes: [] } } } : {}),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !textual,
  };
}

/**
 * The gateway's answer to a route whose authorizer refused the token (or got none). AWS says `{"message":"Unauthorized"}`;
 * locally the platform's error shape, a superset, with the reason in `www-authenticate` as the gateway gives it.
 */
function unauthorized(requestId: string, reason: string): { status: number; body: string; headers: Record<string, string> } {
  const error = reason === 'no token' ? 'Bearer' : `Bearer error="invalid_token", error_description="${reason.replace(/["\\]/g, "'")}"`;
  return {
    status: 401,
    body: bilingual('UNAUTHENTICATED', '请先登录', 'Sign-in required', requestId),
    headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': error },
  };
}

/** Paths that belong to the API, as CloudFront's `/v1/*` behaviour routes them: never answered by the web app. */
const isApiPath = (pathname: string): boolean => pathname === '/v1' || pathname.startsWith('/v1/') || pathname === '/docs' || pathname.startsWith('/docs/');

/** A request target the URL parser takes, or undefined (`//`, `http://[`…): answered 400, never thrown. */
function urlOf(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/** Whether every path parameter decodes (`%E0%A4%A` does not): decoding one that does not must be the client's 400. */
function hasValidEscapes(match: RegExpExecArray): boolean {
  try {
    for (const value of match.slice(1)) decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

export interface HttpApiOptions {
  readonly authorizers?: JwtAuthorizers;
  /** The web app on the same origin (what CloudFront does on AWS); without it only the API is served. */
  readonly portal?: PortalSite;
}

/**
 * Serves the routes. A `citizen` or `staff` route passes only with a token its audience's authorizer accepts (without
 * authorizers every such route answers 401: closed, never open); a `public` route has no authorizer, so a token on it
 * is not looked at and no claims reach the handler. Every other GET is the web app's, when one is given.
 */
export function startHttpApi(definitions: readonly FunctionDefinition[], host: LambdaHost, port: number, options: HttpApiOptions = {}): Promise<Server> {
  const { authorizers, portal } = options;
  const routes = definitions.map(compile).filter((route): route is Route => route !== undefined);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }) => {
      response.writeHead(status, headers);
      response.end(body);
    };
    const url = urlOf(request.url);
    if (!url) return send(400, bilingual('BAD_REQUEST_TARGET', '请求地址无效', 'The request target is not a valid URL'));
    if (url.pathname === '/health' || (url.pathname === '/' && !portal)) {
      return send(200, JSON.stringify({ service: 'tongban', status: 'ok', routes: routes.map((route) => `${route.method} ${route.template}`) }));
    }
    const candidates = routes.map((route) => ({ route, match: route.pattern.exec(url.pathname) })).filter((candidate) => candidate.match);
    const found = candidates.find((candidate) => candidate.route.method === request.method);
    if (found && !hasValidEscapes(found.match as RegExpExecArray)) {
      return send(400, bilingual('BAD_REQUEST_TARGET', '请求地址中的编码无效', 'The request path has an invalid percent-encoding'));
    }
    if (!found) {
      if (portal && candidates.length === 0 && !isApiPath(url.pathname) && servePortal(portal, url.pathname, request.method ?? 'GET', response)) return;
      return candidates.length > 0
        ? send(405, bilingual('METHOD_NOT_ALLOWED', '不支持该请求方法', 'Method not allowed'))
        : send(404, bilingual('ROUTE_NOT_FOUND', '接口不存在', 'No such route'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', async () => {
      if (size > MAX_BODY_BYTES) return send(413, bilingual('PAYLOAD_TOO_LARGE', '请求体过大', 'Request body too large'));
      const requestId = randomUUID();
      try {
        let jwt: VerifiedJwt | undefined;
        const { audience } = found.route;
        if (audience !== 'public') {
          const authorization = request.headers.authorization;
          const verdict = authorizers ? await authorizers.authorize(audience, authorization) : { ok: false as const, reason: 'no authorizer' };
          if (!verdict.ok) {
            const refused = unauthorized(requestId, verdict.reason);
            return send(refused.status, refused.body, refused.headers);
          }
          jwt = { claims: verdict.claims };
        }
        const event = toApiGatewayEvent(found.route, request, url, found.match as RegExpExecArray, Buffer.concat(chunks), requestId, jwt);
        const result = (await host.invoke(found.route.functionId, event)) as APIGatewayProxyStructuredResultV2;
        const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
        send(result.statusCode ?? 200, result.body ?? '', headers);
      } catch {
        // like API Gateway when the integration fails: no detail leaks
        send(500, bilingual('INTERNAL_ERROR', '系统内部错误', 'Internal server error'));
      }
    });
  });
  // a request Node cannot parse (headers over its 16 KiB limit, a malformed request line) is answered like any other
  // refusal, as JSON with a code, instead of Node's bare status line; the server itself never sees an exception from it
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = tooLarge
      ? bilingual('HEADERS_TOO_LARGE', '请求头过大', 'Request headers too large')
      : bilingual('BAD_REQUEST', '请求格式无效', 'The request could not be parsed');
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  // longer than any client's idle timeout (undici's is 4 s): an idle connection is closed by the client, never by the
  // server as the client reuses it, which a client sees as ECONNRESET (most often after its process was blocked a while)
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return listenOn(server, port);
}
