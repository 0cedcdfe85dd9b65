import { createHash } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import {
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  type FieldProblem,
  InvalidTransitionError,
  NotFoundError,
  RuleNotSatisfiableError,
  UnauthenticatedError,
  ValidationError,
} from './errors';
import { CalendarNotAvailable } from '../domain/calendar';
import { idempotencyKeyOf, IdempotencyStore } from './idempotency';
import type { CommittedKey } from './idempotency-fence';
import { logger, metrics, tracer } from './powertools';
import { dynamoDocuments, requiredEnvironment } from './clients';
import { environmentNames } from './environment-names';
import type { Principal } from '../kernel/principal';
import { type RequestContext, requestContextFrom } from './request-context';

export interface HttpReply {
  readonly statusCode: number;
  readonly body: unknown;
}

export interface ParsedRequest<TBody, TQuery, TPath> {
  readonly ctx: RequestContext;
  readonly body: TBody;
  readonly query: TQuery;
  readonly path: TPath;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface EndpointSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  /** Business metric counted once per successful call, e.g. `CaseCreated`. */
  readonly metric: string;
  /** Honour the `Idempotency-Key` header: a retry returns the first reply and changes nothing. */
  readonly idempotent?: boolean;
  readonly body?: B;
  readonly query?: Q;
  readonly path?: P;
  /**
   * Where the tenant comes from when the route has no `{tenantId}` (public certificate routes: the
   * certificate number leads with it). Throws a typed error for input that names no tenant.
   * @default - the `tenantId` path parameter
   */
  readonly tenantFrom?: (pathParameters: Readonly<Record<string, string | undefined>>, body: unknown) => string;
}

/** A short, non-reversible name of the caller for idempotency keys (a 工号 is no secret; a citizen's `sub` is hashed). */
const digest16 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const callerKey = (principal: Principal, sourceIp: string): string =>
  principal.kind === 'staff'
    ? `s.${principal.staff.staffId}`
    : principal.kind === 'citizen'
      ? `c.${digest16(principal.citizen.subject)}`
      : // nobody signed in on a public route (a complaint): the address is the best "same caller" there is
        `p.${digest16(sourceIp)}`;

let store: IdempotencyStore | undefined;
const idempotencyStore = (): IdempotencyStore => (store ??= new IdempotencyStore(dynamoDocuments, requiredEnvironment(environmentNames.tableName)));

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/**
 * A dependency that did not answer (a timeout of the bounded waits in ./clients.ts, a refused or reset connection) or
 * answered that it is overloaded after the SDK's retries. Only such errors: a conditional check that failed is the
 * domain's 409, and anything else stays a 500 to look at.
 */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ServiceUnavailable',
  'InternalServerError',
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
export function isUnavailable(error: unknown): boolean {
  // by shape, not instanceof: a socket error comes from Node's own realm, not necessarily the caller's
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message, cause, $metadata } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  return (
    (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) ||
    (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) ||
    $metadata?.httpStatusCode === 503 ||
    // the SDK wraps a socket error it does not recognise as its own ("AWS SDK error wrapper for Error: connect ECONNREFUSED …")
    (typeof message === 'string' && message.startsWith('AWS SDK error wrapper') && [...UNAVAILABLE_CODES].some((known) => message.includes(known))) ||
    (cause !== undefined && cause !== error && isUnavailable(cause))
  );
}

/** How long a client should wait before retrying a 503, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** The one place where typed domain errors become HTTP statuses. */
export function statusFor(error: DomainError): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof InvalidTransitionError) return 409;
  if (error instanceof RuleNotSatisfiableError) return 422;
  if (error instanceof DependencyUnavailableError) return 503;
  return 400;
}

/**
 * A deadline that reaches beyond the calendar's horizon (no notice, past the provisional years) is a rule the domain
 * cannot serve, whichever use case met it: 422 with its code, never a 500.
 */
const asDomainError = (error: unknown): unknown =>
  isUnavailable(error)
    ? new DependencyUnavailableError('服务暂时繁忙，请稍后重试', 'A service the platform depends on did not answer in time; retry shortly')
    : error instanceof CalendarNotAvailable
      ? new RuleNotSatisfiableError(
          `${error.year}年节假日安排尚未加载，无法计算工作日期限`,
          `No holiday calendar is loaded for ${error.year}`,
          'CALENDAR_NOT_AVAILABLE',
        )
      : error;

/** At most this many problems are listed: a request with thousands of bad fields must not get a reply larger than itself. */
export const MAX_ERROR_DETAILS = 50;

function cappedDetails(details: readonly FieldProblem[]): readonly FieldProblem[] {
  if (details.length <= MAX_ERROR_DETAILS) return details;
  const more = details.length - MAX_ERROR_DETAILS;
  return [...details.slice(0, MAX_ERROR_DETAILS), { path: '…', message: `另有 ${more} 项问题未列出 / ${more} more problems not listed` }];
}

export function errorReply(thrown: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  const error = asDomainError(thrown);
  if (error instanceof DomainError) {
    const status = statusFor(error);
    const reply = json(status, {
      code: error.code,
      message: error.message,
      messageZh: error.messageZh,
      messageEn: error.messageEn,
      ...(error.details ? { details: cappedDetails(error.details) } : {}),
      requestId,
    });
    return status === 503 ? { ...reply, headers: { ...reply.headers, 'retry-after': String(RETRY_AFTER_SECONDS) } } : reply;
  }
  // internal detail never leaves the server: the request id lets operators find the log line
  return json(500, { code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试 / Internal error, please retry later', requestId });
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, part: string): z.infer<S> {
  if (!schema) return undefined as z.infer<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError('请求参数不符合要求', `Invalid request ${part}`, details);
}

function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === '') return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('请求体不是合法的JSON', 'Request body is not valid JSON', undefined, 'INVALID_JSON');
  }
}

/**
 * Wraps a use-case call as an API Gateway (HTTP API, payload v2) handler: Powertools logger,
 * tracer and metrics through middy, zod parsing of body/query/path, the tenant request context,
 * and error mapping registered last so it sees every failure first.
 */
export function httpEndpoint<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  spec: EndpointSpec<B, Q, P>,
  run: (request: ParsedRequest<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<HttpReply>,
  /**
   * Idempotent routes: the reply of a call that committed but died (or failed) before its reply was stored, rebuilt
   * from the committed state, so the retry gets the success it asked for instead of a conflict with itself.
   * `committedKey` is the key of the first item the call's first transaction wrote (the case it created, say).
   */
  replay?: (request: ParsedRequest<z.infer<B>, z.infer<Q>, z.infer<P>>, committedKey: CommittedKey) => Promise<HttpReply>,
): Handler {
  if (spec.idempotent && !replay) throw new Error(`idempotent endpoint ${spec.metric} needs a replay of its committed calls`);
  const core = async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const headers = event.headers ?? {};
    const tenantId = spec.tenantFrom
      ? spec.tenantFrom(event.pathParameters ?? {}, spec.body ? parseJsonBody(event) : undefined)
      : event.pathParameters?.tenantId;
    // present only on signed-in routes, where API Gateway's JWT authorizer verified the token; headers never say who calls
    const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
    const ctx = requestContextFrom(tenantId, event.requestContext.requestId, claims);
    logger.appendKeys({ tenantId: ctx.tenantId, ...(ctx.staff ? { staffId: ctx.staff.staffId } : {}) });
    const rawBody = spec.body ? parseJsonBody(event) : undefined;
    const parsed = () => ({
      ctx,
      body: parsePart(spec.body, rawBody, 'body'),
      query: parsePart(spec.query, event.queryStringParameters ?? {}, 'query'),
      path: parsePart(spec.path, event.pathParameters ?? {}, 'path'),
      headers,
    });
    const execute = async () => run(parsed());
    const key = spec.idempotent ? idempotencyKeyOf(headers) : undefined;
    const reply = key
      ? await idempotencyStore().run(
          // the caller is part of the key: a replay returns the stored reply only to whoever made the first request
          {
            tenantId: ctx.tenantId,
            routeKey: event.routeKey,
            key: `${callerKey(ctx.principal, event.requestContext.http?.sourceIp ?? '')}:${key}`,
            body: { path: event.pathParameters, body: rawBody },
          },
          execute,
          {
            // a claim lives no longer than this invocation can: a retry after a crash takes it over as soon as the call is surely dead
            claimSeconds: context?.getRemainingTimeInMillis ? Math.ceil(context.getRemainingTimeInMillis() / 1000) + 1 : undefined,
            replay: replay && ((committedKey) => replay(parsed(), committedKey)),
          },
        )
      : await execute();
    metrics.addMetric(spec.metric, MetricUnit.Count, 1);
    return json(reply.statusCode, reply.body);
  };

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { clearState: true, resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use({
      onError: async (request) => {
        const error = asDomainError(request.error);
        const requestId = request.event.requestContext?.requestId ?? 'unknown';
        if (error instanceof DomainError) {
          logger.info('request refused', { code: error.code });
          metrics.addMetric('RequestRefused', MetricUnit.Count, 1);
        } else {
          logger.error('request failed', error as Error);
          metrics.addMetric('RequestFailed', MetricUnit.Count, 1);
        }
        request.response = errorReply(error, requestId);
      },
    })
    .handler(core) as unknown as Handler;
}
