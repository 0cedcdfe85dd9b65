import { z } from 'zod';
import { httpEndpoint } from '../../functions/shared/http';
import { InvalidTransitionError, notFound, ValidationError } from '../../functions/shared/errors';
import { aLambdaContext, anApiEvent } from '../support/api-gateway';

const body = z.object({ name: z.string().min(1) });

const endpointThatThrows = (error: unknown) =>
  httpEndpoint({ metric: 'Test', body }, async () => {
    throw error;
  });

const call = async (handler: ReturnType<typeof httpEndpoint>, eventBody = '{"name":"x"}', tenantId = '522732') => {
  const result = await handler(
    anApiEvent({ method: 'POST', path: `/v1/tenants/${tenantId}/x`, pathParameters: { tenantId }, body: eventBody }),
    aLambdaContext(),
  );
  return { status: result.statusCode, body: JSON.parse(result.body as string) as Record<string, unknown> };
};

describe('given an endpoint whose use case succeeds', () => {
  const echo = httpEndpoint({ metric: 'Test', body }, async ({ ctx, body: parsed }) => ({
    statusCode: 201,
    body: { tenant: ctx.tenantId, name: parsed.name },
  }));

  it('then the reply carries the status and JSON body, and the tenant comes from the path', async () => {
    await expect(call(echo)).resolves.toEqual({ status: 201, body: { tenant: '522732', name: 'x' } });
  });

  it('then a body that is not JSON is a 400 INVALID_JSON, in Chinese and English', async () => {
    const reply = await call(echo, '{not json');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'INVALID_JSON', messageZh: expect.stringMatching(/JSON/), messageEn: expect.any(String) });
  });

  it('then a body that breaks the schema is a 400 naming the field', async () => {
    const reply = await call(echo, '{"name":""}');
    expect(reply).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: [{ path: 'body.name' }] } });
  });

  it('then a tenant id that is not a division code is a 400', async () => {
    expect((await call(echo, '{"name":"x"}', 'abc')).body.code).toBe('INVALID_TENANT_ID');
  });
});

describe('given a use case that throws a typed domain error', () => {
  it.each([
    ['validation', new ValidationError('坏', 'bad'), 400, 'VALIDATION_FAILED'],
    ['unknown id', notFound.case('01ABC'), 404, 'CASE_NOT_FOUND'],
    ['invalid transition', new InvalidTransitionError('冲突', 'conflict', 'CASE_STATE_CONFLICT'), 409, 'CASE_STATE_CONFLICT'],
  ])('when it is a %s error then it maps to its status and code', async (_label, error, status, code) => {
    const reply = await call(endpointThatThrows(error));
    expect(reply.status).toBe(status);
    expect(reply.body.code).toBe(code);
    expect(String(reply.body.message)).toContain(' / ');
  });
});

describe('given a use case that fails unexpectedly', () => {
  it('then the reply is a bare 500 without internal detail', async () => {
    const reply = await call(endpointThatThrows(new Error('ddb connection string secret=abc at line 42')));
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.body)).not.toContain('secret');
    expect(reply.body).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-1' });
  });
});
