import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { errorEnvelopeSchema, gatewayUnauthorizedSchema, type ResponseSpec, type RouteContract } from '../../functions/shared/api-contract';
import { IDEMPOTENCY_KEY_PATTERN } from '../../functions/shared/idempotency';
import { DIVISION_CODE_PATTERN } from '../../functions/kernel/ids';
import { type FunctionDefinition, functionDefinitions } from '../definitions/functions';
import type { HttpMethod, RouteAudience } from '../definitions/functions/definition';
import { type LocatedContract, routeContractsOfFunctions } from './contracts';
import { errorStatusMeaning, errorsOfRoute } from './errors';
import { info, securitySchemes, servers, tags } from './info';
import { type JsonSchema, SchemaComponents } from './json-schema';

/** An OpenAPI 3.1 document (the parts this generator writes). */
export type OpenApiDocument = { readonly openapi: '3.1.0' } & Record<string, unknown>;

export interface GeneratedDocument {
  readonly document: OpenApiDocument;
  /** HTTP routes without a contract, left out of the document: `<id> <METHOD> <path>`. */
  readonly missingContracts: readonly string[];
  /** Contracts whose id is no HTTP function definition. */
  readonly contractsWithoutRoute: readonly string[];
}

type HttpDefinition = FunctionDefinition & { readonly trigger: { readonly kind: 'http'; method: HttpMethod; path: string; audience: RouteAudience } };

const isHttp = (definition: FunctionDefinition): definition is HttpDefinition => definition.trigger.kind === 'http';

const methodOrder: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

const audienceNote: Readonly<Record<RouteAudience, string>> = {
  public: '调用者：公开，无需登录 / Who: public, no sign-in',
  citizen: '调用者：公众（申请人），需公众身份令牌 / Who: citizens, with an ID token of the citizens’ issuer',
  staff: '调用者：工作人员，需工作人员身份令牌 / Who: staff, with an ID token of the staff directory',
};

const security: Readonly<Record<RouteAudience, readonly Record<string, readonly string[]>[]>> = {
  public: [],
  citizen: [{ citizenBearer: [] }],
  staff: [{ staffBearer: [] }],
};

const tenantIdParameter = {
  name: 'tenantId',
  in: 'path',
  required: true,
  description: '县（区）：6位行政区划代码 / The county, by its 6-digit administrative division code',
  schema: { type: 'string', pattern: DIVISION_CODE_PATTERN.source },
  examples: { sandu: { summary: '三都水族自治县', value: '522732' }, chengzhong: { summary: '西宁市城中区', value: '630103' } },
};

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    '幂等键：同一调用者以同一键重试，得到首次的应答且不重复办理；同一键配不同请求体将被拒绝（IDEMPOTENCY_KEY_REUSED）。保留24小时。/ ' +
    'A retry by the same caller with the same key gets the first reply and changes nothing; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED). Kept 24 hours.',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
  example: '01KAB4M7Q0Y8ZB1N2P3R4S5T6V-create',
};

function parameters(definition: HttpDefinition, contract: RouteContract, schemas: SchemaComponents): unknown[] {
  const templateNames = [...definition.trigger.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const pathSchema = contract.path ? schemas.resolve(schemas.render(contract.path, 'input')) : undefined;
  const pathProperties = (pathSchema?.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of Object.keys(pathProperties))
    if (!templateNames.includes(name)) throw new Error(`${definition.id}: the contract's path names {${name}}, which ${definition.trigger.path} does not have`);
  const fromPath = templateNames.map((name) => {
    const property = pathProperties[name];
    if (!property) return name === 'tenantId' ? { $ref: '#/components/parameters/TenantId' } : { name, in: 'path', required: true, schema: { type: 'string' } };
    return parameterOf(name, 'path', property, true);
  });
  const querySchema = contract.query ? schemas.resolve(schemas.render(contract.query, 'input')) : undefined;
  const required = new Set((querySchema?.required ?? []) as string[]);
  const fromQuery = Object.entries((querySchema?.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) =>
    parameterOf(name, 'query', property, required.has(name)),
  );
  return [...fromPath, ...fromQuery, ...(contract.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [])];
}

/** A parameter from one property of the contract's path or query object; its description moves up to the parameter. */
function parameterOf(name: string, location: 'path' | 'query', property: JsonSchema, required: boolean) {
  const { description, ...schema } = property;
  return { name, in: location, required, ...(typeof description === 'string' ? { description } : {}), schema };
}

function requestBody(contract: RouteContract, schemas: SchemaComponents) {
  if (!contract.body) return {};
  // the handler parses an empty body as {}: a body whose every field is optional may be left out
  const required = !contract.body.safeParse({}).success;
  const example = contract.bodyExample === undefined ? {} : { example: contract.bodyExample };
  return { requestBody: { required, content: { 'application/json': { schema: schemas.render(contract.body, 'input'), ...example } } } };
}

function successResponse(spec: ResponseSpec, schemas: SchemaComponents) {
  if (!spec.schema) return { description: spec.description };
  const schema = schemas.render(spec.schema as z.ZodType, 'output');
  const example = spec.example === undefined ? {} : { example: spec.example };
  const mediaTypes = spec.mediaTypes ?? ['application/json'];
  return { description: spec.description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema, ...example }])) };
}

function errorResponses(definition: HttpDefinition, contract: RouteContract, errorRef: JsonSchema, gatewayRef: JsonSchema) {
  const audience = definition.trigger.audience;
  const hasTenant = definition.trigger.path.includes('{tenantId}');
  return Object.fromEntries(
    errorsOfRoute({ audience, contract, hasTenant }).map(([status, codes]) => {
      const envelope = codes.length > 0 ? { allOf: [errorRef, { properties: { code: { enum: [...codes] } } }] } : errorRef;
      // on AWS the gateway's JWT authorizer answers a missing or refused token itself, in its own shape
      const schema = status === 401 && audience !== 'public' ? { oneOf: [envelope, gatewayRef] } : envelope;
      const codeList = codes.length > 0 ? ` 代码 Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.` : '';
      const gatewayNote =
        status === 401 && audience !== 'public'
          ? ' 在 AWS 上由网关应答 `{"message":"Unauthorized"}` / On AWS the gateway answers `{"message":"Unauthorized"}`.'
          : '';
      const retryAfter =
        status === 503
          ? { headers: { 'Retry-After': { description: '建议的重试等待秒数 / Seconds to wait before retrying', schema: { type: 'integer' } } } }
          : {};
      return [
        String(status),
        { description: `${errorStatusMeaning[status]}.${codeList}${gatewayNote}`, ...retryAfter, content: { 'application/json': { schema } } },
      ];
    }),
  );
}

function operation(definition: HttpDefinition, contract: RouteContract, schemas: SchemaComponents, errorRef: JsonSchema, gatewayRef: JsonSchema) {
  const successes = Object.entries(contract.responses).map(([status, spec]) => [status, successResponse(spec as ResponseSpec, schemas)] as const);
  if (successes.length === 0) throw new Error(`${definition.id}: the contract lists no success response`);
  return {
    operationId: definition.id,
    summary: contract.summary,
    description: [contract.description, audienceNote[definition.trigger.audience]].filter(Boolean).join('\n\n'),
    tags: [contract.tag],
    security: security[definition.trigger.audience],
    parameters: parameters(definition, contract, schemas),
    ...requestBody(contract, schemas),
    responses: { ...Object.fromEntries(successes), ...errorResponses(definition, contract, errorRef, gatewayRef) },
  };
}

const packageVersion = (): string => (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The OpenAPI 3.1 document of the platform, from the HTTP function definitions (method, path, audience) and the route
 * contracts of functions/<context>/http-contract.ts (summary, parameters, bodies, answers, codes). Deterministic: paths
 * in order, methods in a fixed order, components by name, so the committed file changes only when the API does.
 */
export function generateOpenApiDocument(
  definitions: readonly FunctionDefinition[] = functionDefinitions,
  contracts: ReadonlyMap<string, LocatedContract> = routeContractsOfFunctions(),
  version: string = packageVersion(),
): GeneratedDocument {
  const routes = definitions.filter(isHttp);
  const schemas = new SchemaComponents();
  const errorRef = schemas.render(errorEnvelopeSchema, 'output');
  const gatewayRef = schemas.render(gatewayUnauthorizedSchema, 'output');
  const knownTags = new Set(tags.map((tag) => tag.name));
  const paths = new Map<string, Map<HttpMethod, unknown>>();
  const missingContracts: string[] = [];
  for (const definition of routes) {
    const located = contracts.get(definition.id);
    if (!located) {
      missingContracts.push(`${definition.id} ${definition.trigger.method} ${definition.trigger.path}`);
      continue;
    }
    if (!knownTags.has(located.contract.tag))
      throw new Error(
        `${located.module}: ${definition.id} has the tag '${located.contract.tag}'; the tags are ${[...knownTags].join(', ')} (infra/openapi/info.ts)`,
      );
    const methods = paths.get(definition.trigger.path) ?? new Map<HttpMethod, unknown>();
    methods.set(definition.trigger.method, operation(definition, located.contract, schemas, errorRef, gatewayRef));
    paths.set(definition.trigger.path, methods);
  }
  const routeIds = new Set(routes.map((definition) => definition.id));
  const contractsWithoutRoute = [...contracts.keys()].filter((id) => !routeIds.has(id)).sort();
  const usedTags = new Set([...contracts.values()].filter(({ id }) => routeIds.has(id)).map(({ contract }) => contract.tag));

  const draft = {
    openapi: '3.1.0' as const,
    info: info(version),
    servers,
    tags: tags.filter((tag) => usedTags.has(tag.name)),
    paths: Object.fromEntries(
      [...paths.keys()].sort().map((path) => {
        const methods = paths.get(path) as Map<HttpMethod, unknown>;
        return [path, Object.fromEntries(methodOrder.filter((method) => methods.has(method)).map((method) => [method.toLowerCase(), methods.get(method)]))];
      }),
    ),
  };
  const finished = schemas.finish(draft);
  const document: OpenApiDocument = {
    ...finished.document,
    components: {
      securitySchemes,
      parameters: { IdempotencyKey: idempotencyKeyParameter, TenantId: tenantIdParameter },
      schemas: finished.schemas,
    },
  };
  return { document, missingContracts, contractsWithoutRoute };
}

/** The document as committed in schemas/openapi.json: two-space JSON and a final newline. */
export const renderOpenApiDocument = (document: OpenApiDocument): string => `${JSON.stringify(document, null, 2)}\n`;
