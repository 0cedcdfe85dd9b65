import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { routeContracts } from '../../functions/shared/api-contract';
import { type FunctionDefinition, functionDefinitions } from '../../infra/definitions/functions';
import { routeContractsOfFunctions } from '../../infra/openapi/contracts';
import { generateOpenApiDocument, renderOpenApiDocument } from '../../infra/openapi/document';
import { SchemaComponents } from '../../infra/openapi/json-schema';
import { openApiFile } from '../../scripts/openapi';

interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: ({ $ref: string } | { name: string; in: string })[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/**
 * The published API contract (issue 13): schemas/openapi.json is what `npm run openapi` generates from the function
 * definitions and the route contracts, every HTTP route has a contract and every contract a route, and every
 * operation says what it is, who may call it and what it answers.
 */
describe('given the function definitions and the route contracts', () => {
  const generated = generateOpenApiDocument();
  const httpRoutes = functionDefinitions.filter((definition) => definition.trigger.kind === 'http');
  const operations = Object.values(generated.document.paths as Record<string, Record<string, Operation>>).flatMap((methods) => Object.values(methods));
  const definitionOf = (id: string) => httpRoutes.find((definition) => definition.id === id) as FunctionDefinition & { trigger: { kind: 'http' } };

  it('when the document is generated, then the committed schemas/openapi.json is the same (run npm run openapi)', () => {
    const committed = readFileSync(openApiFile, 'utf8').split('\n');
    const fresh = renderOpenApiDocument(generated.document).split('\n');
    const line = fresh.findIndex((text, index) => committed[index] !== text);
    // the first line that differs, rather than two 10,000-line texts
    const difference = line === -1 && committed.length === fresh.length ? undefined : { line: line + 1, committed: committed[line], generated: fresh[line] };
    expect({ difference, fix: 'npm run openapi' }).toEqual({ difference: undefined, fix: 'npm run openapi' });
  });

  it('when it is generated twice, then the text is the same (stable order)', () => {
    expect(renderOpenApiDocument(generateOpenApiDocument().document)).toBe(renderOpenApiDocument(generated.document));
  });

  it('when each HTTP route is looked up, then a functions/<context>/http-contract.ts describes it', () => {
    expect(generated.missingContracts).toEqual([]);
  });

  it('when each contract is looked up, then it is the contract of an HTTP route of that id', () => {
    expect(generated.contractsWithoutRoute).toEqual([]);
  });

  it('then every operation has a summary, a tag and a success answer with a schema', () => {
    expect(operations.length).toBe(httpRoutes.length - generated.missingContracts.length);
    for (const operation of operations) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2/.test(status));
      const withSchema = successes.filter(([, response]) => Object.values(response.content ?? {}).some((media) => media.schema !== undefined));
      expect({ id: operation.operationId, summary: Boolean(operation.summary), tags: operation.tags?.length, successes: withSchema.length > 0 }).toEqual({
        id: operation.operationId,
        summary: true,
        tags: 1,
        successes: true,
      });
    }
  });

  it('then a signed-in route documents 401 and names its bearer scheme, and a public route needs none', () => {
    for (const operation of operations) {
      const { audience } = definitionOf(operation.operationId).trigger as { audience: string };
      const expected =
        audience === 'public'
          ? { security: [], has401: false }
          : { security: [{ [audience === 'citizen' ? 'citizenBearer' : 'staffBearer']: [] }], has401: true };
      expect({ id: operation.operationId, security: operation.security, has401: '401' in operation.responses }).toEqual({
        id: operation.operationId,
        ...expected,
      });
    }
  });

  it('then a route that honours Idempotency-Key takes the header, and no other route does', () => {
    const contracts = routeContractsOfFunctions();
    for (const operation of operations) {
      const takesKey = (operation.parameters ?? []).some((parameter) => '$ref' in parameter && parameter.$ref === '#/components/parameters/IdempotencyKey');
      expect([operation.operationId, takesKey]).toEqual([operation.operationId, Boolean(contracts.get(operation.operationId)?.contract.idempotent)]);
    }
  });
});

describe('given contracts written for the generator', () => {
  const place = z.object({ county: z.string().describe('县（区）'), note: z.string().default('') }).meta({ id: 'ExamplePlace' });
  const definitions: FunctionDefinition[] = [
    {
      id: 'ExampleRead',
      context: 'catalogue',
      entry: 'functions/example/handler.ts',
      trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/places/{placeId}', audience: 'staff' },
      access: [],
    },
    {
      id: 'ExampleWrite',
      context: 'catalogue',
      entry: 'functions/example/handler.ts',
      trigger: { kind: 'http', method: 'POST', path: '/v1/tenants/{tenantId}/places', audience: 'public' },
      access: [],
    },
  ];
  const contracts = routeContracts({
    ExampleRead: {
      summary: '读取 / Read',
      tag: '办件受理 Intake',
      path: z.object({ placeId: z.string().describe('地点编号') }),
      query: z.object({ limit: z.coerce.number().int().optional() }),
      responses: { 200: { description: '地点', schema: place } },
      errors: { 404: ['PLACE_NOT_FOUND'] },
    },
    ExampleWrite: {
      summary: '新建 / Create',
      tag: '办件受理 Intake',
      body: place,
      idempotent: true,
      responses: { 201: { description: '已建', schema: z.object({ place }) } },
      errors: {},
    },
  });
  const located = new Map(Object.entries(contracts).map(([id, contract]) => [id, { id, contract, module: 'functions/example/http-contract.ts' }]));
  const { document } = generateOpenApiDocument(definitions, located, '9.9.9');
  const paths = document.paths as Record<string, Record<string, Operation & { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;

  it('when a schema with an id is both answered and taken, then the answer keeps the id and the request gets <id>Input', () => {
    expect(paths['/v1/tenants/{tenantId}/places/{placeId}']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ExamplePlace',
    });
    expect(paths['/v1/tenants/{tenantId}/places']?.post?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ExamplePlaceInput',
    });
    // an answer always carries a defaulted field and nothing else; a request may leave it out
    expect(schemas.ExamplePlace).toMatchObject({ required: ['county', 'note'], additionalProperties: false });
    expect(schemas.ExamplePlaceInput).toMatchObject({ required: ['county'] });
  });

  it('when a route has path and query schemas, then they become parameters, the tenant one shared', () => {
    expect(paths['/v1/tenants/{tenantId}/places/{placeId}']?.get?.parameters).toEqual([
      { $ref: '#/components/parameters/TenantId' },
      { name: 'placeId', in: 'path', required: true, description: '地点编号', schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer' }) },
    ]);
  });

  it("when a route lists its codes, then each error status carries the implied codes and the route's own", () => {
    const responses = paths['/v1/tenants/{tenantId}/places/{placeId}']?.get?.responses ?? {};
    expect(Object.keys(responses)).toEqual(['200', '400', '401', '403', '404', '503']);
    expect(JSON.stringify(responses['404'])).toContain('"enum":["PLACE_NOT_FOUND"]');
    expect(JSON.stringify(responses['503'])).toContain('"enum":["DEPENDENCY_UNAVAILABLE"]');
    expect(JSON.stringify(responses['503'])).toContain('Retry-After');
    expect(JSON.stringify(responses['400'])).toContain('"enum":["VALIDATION_FAILED","INVALID_TENANT_ID","INVALID_IDENTITY_CLAIMS"]');
    expect(JSON.stringify(responses['401'])).toContain('"oneOf"');
    expect(JSON.stringify(responses['401'])).toContain('#/components/schemas/GatewayUnauthorized');
  });

  it('when two different schemas carry one id, then generation refuses them', () => {
    const components = new SchemaComponents();
    components.render(z.object({ a: z.string() }).meta({ id: 'Twice' }), 'output');
    expect(() => components.render(z.object({ b: z.string() }).meta({ id: 'Twice' }), 'output')).toThrow(/Twice/);
  });

  it('when a contract has no route, then it is reported, and a route without a contract is left out and listed', () => {
    const extra = new Map([...located, ['Orphan', { id: 'Orphan', contract: contracts.ExampleRead, module: 'x' }]]);
    const partial = generateOpenApiDocument(definitions, new Map([...extra].filter(([id]) => id !== 'ExampleWrite')), '9.9.9');
    expect(partial.contractsWithoutRoute).toEqual(['Orphan']);
    expect(partial.missingContracts).toEqual(['ExampleWrite POST /v1/tenants/{tenantId}/places']);
  });
});
