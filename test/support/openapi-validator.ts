import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { functionDefinitions } from '../../infra/definitions/functions';

/** The parts of an OpenAPI 3.1 document the validator reads. */
interface Operation {
  readonly operationId?: string;
  readonly responses?: Readonly<Record<string, { readonly content?: Readonly<Record<string, { readonly schema?: unknown }>> }>>;
}

export interface OpenApiDocumentLike {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: Readonly<Record<string, unknown>>;
}

/** One answer the API gave. */
export interface ObservedResponse {
  readonly method: string;
  /** The path as requested (with values, and maybe a query string), e.g. `/v1/tenants/522732/cases/01K…?x=1`. */
  readonly path: string;
  readonly status: number;
  /** Parsed JSON, or the text of a body that is not JSON. */
  readonly body: unknown;
  /** The `content-type` header. @default - not checked */
  readonly contentType?: string | null;
}

interface Route {
  readonly template: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly parameters: number;
  readonly operation: Operation;
}

const documentId = 'urn:tongban:openapi';

const componentRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(componentRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' && item.startsWith('#/') ? `${documentId}${item}` : componentRefs(item),
    ]),
  );
};

const describeErrors = (errors: readonly ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`).join('; ');

/**
 * Holds the API's answers to its OpenAPI document: the operation is found by method and path template, the status must
 * be one it documents, the media type one documented for that status, and the body must match that status's schema
 * (ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1, with the standard formats). A literal path segment wins over
 * a template parameter (`/cases/{caseId}` does not swallow `/cases/materials`).
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly routes: readonly Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocumentLike) {
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    // OpenAPI's own keywords in schema objects, and the document's top-level `components` that holds the shared schemas
    this.ajv.addVocabulary(['components', 'example', 'discriminator', 'xml', 'externalDocs']);
    this.ajv.addSchema({ $id: documentId, components: componentRefs(document.components ?? {}) });
    this.routes = Object.entries(document.paths)
      .flatMap(([template, methods]) =>
        Object.entries(methods).map(([method, operation]) => {
          const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '([^/]+)')}/?$`);
          return { template, method: method.toUpperCase(), pattern, parameters: (template.match(/\{/g) ?? []).length, operation };
        }),
      )
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** The document's template of this request, e.g. `GET /v1/tenants/{tenantId}/cases/{caseId}`, or undefined. */
  routeOf(method: string, path: string): string | undefined {
    const route = this.find(method, path);
    return route ? `${route.method} ${route.template}` : undefined;
  }

  private find(method: string, path: string): Route | undefined {
    const pathname = path.split(/[?#]/)[0] as string;
    return this.routes.find((route) => route.method === method.toUpperCase() && route.pattern.test(pathname));
  }

  /** What is wrong with this answer, empty when the document describes it. */
  problems(observed: ObservedResponse): string[] {
    const route = this.find(observed.method, observed.path);
    if (!route) return [`no operation of the document serves ${observed.method.toUpperCase()} ${observed.path.split('?')[0]}`];
    const responses = route.operation.responses ?? {};
    const response = responses[String(observed.status)] ?? responses[`${String(observed.status)[0]}XX`] ?? responses.default;
    if (!response) return [`status ${observed.status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const content = response.content;
    if (!content) return observed.body === undefined || observed.body === '' ? [] : [`status ${observed.status} is documented without a body, but one came`];
    const mediaType = observed.contentType?.split(';')[0]?.trim().toLowerCase();
    const documentedType = mediaType === undefined ? Object.keys(content)[0] : Object.keys(content).find((type) => type === mediaType);
    if (!documentedType) return [`content-type ${mediaType} is not documented for status ${observed.status} (documented: ${Object.keys(content).join(', ')})`];
    const schema = content[documentedType]?.schema;
    if (schema === undefined) return [];
    const key = `${route.method} ${route.template} ${observed.status} ${documentedType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(componentRefs(schema) as object);
      this.compiled.set(key, validate);
    }
    return validate(observed.body) ? [] : [`the body does not match the schema of ${observed.status}: ${describeErrors(validate.errors)}`];
  }

  /** Throws an Error naming the route, the status and what does not match, when the document does not describe the answer. */
  assert(observed: ObservedResponse): void {
    const problems = this.problems(observed);
    if (problems.length === 0) return;
    const route = this.routeOf(observed.method, observed.path) ?? `${observed.method.toUpperCase()} ${observed.path}`;
    throw new Error(`the answer of ${route} (status ${observed.status}) is not what schemas/openapi.json documents: ${problems.join('; ')}`);
  }
}

export const openApiFile = join(__dirname, '..', '..', 'schemas', 'openapi.json');

let committed: { document: OpenApiDocumentLike; validator: OpenApiResponseValidator } | undefined;

const committedDocument = () => {
  if (!committed) {
    const document = JSON.parse(readFileSync(openApiFile, 'utf8')) as OpenApiDocumentLike;
    committed = { document, validator: new OpenApiResponseValidator(document) };
  }
  return committed;
};

/** The validator of the committed document (schemas/openapi.json), built once per test file. */
export const committedOpenApiValidator = (): OpenApiResponseValidator => committedDocument().validator;

/** The HTTP routes of the function definitions that the committed document has no operation for. */
export function routesMissingFromDocument(): string[] {
  const { document } = committedDocument();
  return functionDefinitions.flatMap((definition) =>
    definition.trigger.kind === 'http' && !document.paths[definition.trigger.path]?.[definition.trigger.method.toLowerCase()]
      ? [`${definition.trigger.method} ${definition.trigger.path}`]
      : [],
  );
}

/** The switch of the integration suite's response validation (test/integration/support/platform.ts `apiClient`). */
export const responseValidationVariable = 'TONGBAN_VALIDATE_RESPONSES';

/**
 * Whether the integration suite validates every answer against the document: `TONGBAN_VALIDATE_RESPONSES=on` or `off`
 * decides; unset, it is on once the document covers every HTTP route (until then an answer of a route without a contract
 * would fail as undocumented).
 */
export function responseValidationEnabled(environment: NodeJS.ProcessEnv = process.env): boolean {
  const setting = environment[responseValidationVariable]?.trim().toLowerCase();
  if (setting === 'on' || setting === '1' || setting === 'true') return true;
  if (setting === 'off' || setting === '0' || setting === 'false') return false;
  if (setting) throw new Error(`${responseValidationVariable} is '${setting}': use on or off`);
  return routesMissingFromDocument().length === 0;
}
