import { OpenApiResponseValidator, type OpenApiDocumentLike, committedOpenApiValidator, responseValidationEnabled } from '../support/openapi-validator';

/** A document of two operations sharing one component, as the generator writes them. */
const document: OpenApiDocumentLike = {
  paths: {
    '/v1/tenants/{tenantId}/cases/{caseId}': {
      get: {
        operationId: 'GetCase',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } } },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
    '/v1/tenants/{tenantId}/cases/mine': {
      get: {
        operationId: 'MyCases',
        responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Case' } } } } } },
      },
    },
  },
  components: {
    schemas: {
      Case: {
        type: 'object',
        properties: {
          caseId: { type: 'string' },
          status: { type: 'string', enum: ['submitted', 'accepted'] },
          submittedAt: { type: 'string', format: 'date-time' },
        },
        required: ['caseId', 'status', 'submittedAt'],
        additionalProperties: false,
      },
      Error: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
    },
  },
};

describe('given an OpenAPI document and the validator of the integration suite', () => {
  const validator = new OpenApiResponseValidator(document);
  const aCase = { caseId: '01KAB4M7Q0Y8ZB1N2P3R4S5T6V', status: 'submitted', submittedAt: '2026-11-23T02:00:00.000Z' };
  const get = (path: string, status: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
    method: 'GET',
    path,
    status,
    body,
    contentType,
  });

  it('when a documented answer comes, then it passes', () => {
    expect(validator.problems(get('/v1/tenants/522732/cases/01KAB4M7Q0Y8ZB1N2P3R4S5T6V?view=full', 200, aCase))).toEqual([]);
    expect(() => validator.assert(get('/v1/tenants/522732/cases/X', 404, { code: 'CASE_NOT_FOUND' }))).not.toThrow();
  });

  it('when a literal segment matches, then it wins over a template parameter', () => {
    expect(validator.routeOf('GET', '/v1/tenants/522732/cases/mine')).toBe('GET /v1/tenants/{tenantId}/cases/mine');
    expect(validator.problems(get('/v1/tenants/522732/cases/mine', 200, [aCase]))).toEqual([]);
  });

  it('when the status is not documented for the route, then the error names the route, the status and the documented ones', () => {
    expect(() => validator.assert(get('/v1/tenants/522732/cases/X', 409, { code: 'CASE_STATE_CONFLICT' }))).toThrow(
      /GET \/v1\/tenants\/\{tenantId\}\/cases\/\{caseId\} \(status 409\).*status 409 is not documented \(documented: 200, 404\)/,
    );
  });

  it('when the body has the wrong shape, then the ajv errors say where', () => {
    const wrong = { ...aCase, status: 'lost', submittedAt: 'yesterday', extra: 1 };
    const [problem] = validator.problems(get('/v1/tenants/522732/cases/X', 200, wrong));
    expect(problem).toMatch(/\/status must be equal to one of the allowed values/);
    expect(problem).toMatch(/\/submittedAt must match format "date-time"/);
    expect(problem).toMatch(/must NOT have additional properties.*extra/);
  });

  it('when the media type or the route is not documented, then it fails too', () => {
    expect(validator.problems(get('/v1/tenants/522732/cases/X', 200, '<html>', 'text/html'))).toEqual([
      'content-type text/html is not documented for status 200 (documented: application/json)',
    ]);
    expect(validator.problems({ method: 'DELETE', path: '/v1/tenants/522732/cases/X', status: 204, body: '' })).toEqual([
      'no operation of the document serves DELETE /v1/tenants/522732/cases/X',
    ]);
  });
});

describe('given the committed schemas/openapi.json', () => {
  it('when its own route answers with the document, then the validator accepts it', () => {
    const committed = require('../../schemas/openapi.json') as unknown;
    expect(
      committedOpenApiValidator().problems({ method: 'GET', path: '/v1/openapi.json', status: 200, body: committed, contentType: 'application/json' }),
    ).toEqual([]);
  });

  it('when every documented answer is compiled, then ajv accepts each schema (strict mode, the formats zod writes)', () => {
    const committed = require('../../schemas/openapi.json') as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const validator = committedOpenApiValidator();
    let compiled = 0;
    for (const [template, methods] of Object.entries(committed.paths))
      for (const [method, operation] of Object.entries(methods))
        for (const [status, response] of Object.entries(operation.responses))
          for (const contentType of Object.keys(response.content ?? {})) {
            const path = template.replace(/\{tenantId\}/g, '522732').replace(/\{\w+\}/g, 'X');
            expect(() => validator.problems({ method, path, status: Number(status), body: null, contentType })).not.toThrow();
            compiled += 1;
          }
    expect(compiled).toBeGreaterThan(100);
  });

  it('when TONGBAN_VALIDATE_RESPONSES is set, then it decides; a value other than on or off is refused', () => {
    expect(responseValidationEnabled({ TONGBAN_VALIDATE_RESPONSES: 'off' })).toBe(false);
    expect(responseValidationEnabled({ TONGBAN_VALIDATE_RESPONSES: 'on' })).toBe(true);
    expect(() => responseValidationEnabled({ TONGBAN_VALIDATE_RESPONSES: 'maybe' })).toThrow(/on or off/);
  });
});
