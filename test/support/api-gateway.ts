import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** An API Gateway HTTP API (payload 2.0) event, as the deployed route would deliver it. */
export function anApiEvent(options: {
  method: string;
  path: string;
  pathParameters?: Record<string, string>;
  body?: string;
  query?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${options.method} ${options.path}`,
    rawPath: options.path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: { method: options.method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'req-1',
      routeKey: `${options.method} ${options.path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  };
}

export const aLambdaContext = (): Context =>
  ({
    functionName: 'test',
    awsRequestId: 'aws-req-1',
    getRemainingTimeInMillis: () => 10_000,
    callbackWaitsForEmptyEventLoop: false,
  }) as Context;
