import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionDefinition } from '../definitions/functions';
import { listenOn } from './engines';
import type { LambdaHost } from './lambda-host';

const MAX_BODY_BYTES = 6 * 1024 * 1024; // the Lambda synchronous payload limit

interface Route {
  readonly functionId: string;
  readonly method: string;
  readonly template: string;
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
    pattern: new RegExp(`^${pattern}/?$`),
    parameterNames,
  };
}

const bilingual = (code: string, zh: string, en: string) => JSON.stringify({ code, message: `${zh} / ${en}`, messageZh: zh, messageEn: en });

/**
 * Stands in for API Gateway (HTTP API, payload format 2.0): the same routes as the CDK stack,
 * each request turned into the event the deployed function would receive.
 */
export function toApiGatewayEvent(route: Route, request: IncomingMessage, url: URL, match: RegExpExecArray, body: Buffer): APIGatewayProxyEventV2 {
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
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.template}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !textual,
  };
}

export function startHttpApi(definitions: readonly FunctionDefinition[], host: LambdaHost, port: number): Promise<Server> {
  const routes = definitions.map(compile).filter((route): route is Route => route !== undefined);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }) => {
      response.writeHead(status, headers);
      response.end(body);
    };
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/health') {
      return send(200, JSON.stringify({ service: 'tongban', status: 'ok', routes: routes.map((route) => `${route.method} ${route.template}`) }));
    }
    const candidates = routes.map((route) => ({ route, match: route.pattern.exec(url.pathname) })).filter((candidate) => candidate.match);
    const found = candidates.find((candidate) => candidate.route.method === request.method);
    if (!found) {
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
      try {
        const event = toApiGatewayEvent(found.route, request, url, found.match as RegExpExecArray, Buffer.concat(chunks));
        const result = (await host.invoke(found.route.functionId, event)) as APIGatewayProxyStructuredResultV2;
        const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
        send(result.statusCode ?? 200, result.body ?? '', headers);
      } catch {
        // like API Gateway when the integration fails: no detail leaks
        send(500, bilingual('INTERNAL_ERROR', '系统内部错误', 'Internal server error'));
      }
    });
  });
  return listenOn(server, port);
}
