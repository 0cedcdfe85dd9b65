import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError } from '../shared/errors';
import { errorReply } from '../shared/http';
import { logger, metrics, tracer } from '../shared/powertools';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What a docs route answers: a body already rendered as text, and its media type. */
export interface StaticReply {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
  /** @default 'no-cache' */
  readonly cacheControl?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A public GET that answers text which is not the platform's JSON (the OpenAPI document, the docs page and its assets):
 * the same Powertools middleware as `httpEndpoint`, no tenant, no sign-in, no input but the path; a typed error becomes
 * the platform's error envelope (`errorReply`), so an unknown asset is a 404 with a code like any other.
 */
export function staticEndpoint(metric: string, run: (event: APIGatewayProxyEventV2) => Promise<StaticReply> | StaticReply): Handler {
  const core = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const reply = await run(event);
    metrics.addMetric(metric, MetricUnit.Count, 1);
    return {
      statusCode: reply.statusCode,
      headers: {
        'content-type': reply.contentType,
        'cache-control': reply.cacheControl ?? 'no-cache',
        'x-content-type-options': 'nosniff',
        ...reply.headers,
      },
      body: reply.body,
    };
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { clearState: true, resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use({
      onError: async (request) => {
        if (request.error instanceof DomainError) logger.info('docs request refused', { code: request.error.code });
        else logger.error('docs request failed', request.error as Error);
        request.response = errorReply(request.error, request.event.requestContext?.requestId ?? 'unknown');
      },
    })
    .handler(core) as unknown as Handler;
}
