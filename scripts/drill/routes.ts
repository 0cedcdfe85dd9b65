/**
 * What the drill needs to know of each route, read from the document the running platform serves
 * (`GET /v1/openapi.json`), so it follows the platform as it changes: the route's template (how the report names a
 * request), whether it honours an `Idempotency-Key` (its answered requests are replayed), and its success status (what a
 * retry after a lost reply must still answer).
 */

export interface Route {
  /** `POST /v1/tenants/{tenantId}/cases`. */
  readonly name: string;
  readonly idempotent: boolean;
  /** The 2xx status the route answers on success. */
  readonly successStatus: number;
}

interface OperationLike {
  readonly parameters?: readonly { readonly $ref?: string; readonly name?: string; readonly in?: string }[];
  readonly responses?: Record<string, unknown>;
}

/** The presigned S3 PUT of an upload: not a route of the API, named in the report as such. */
export const s3Upload: Route = { name: 'PUT <presigned S3 URL>', idempotent: false, successStatus: 200 };

export class RouteBook {
  private readonly routes: { readonly method: string; readonly pattern: RegExp; readonly route: Route }[] = [];

  constructor(document: { readonly paths: Record<string, Record<string, OperationLike>> }) {
    for (const [path, operations] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(operations)) {
        const parameters = operation.parameters ?? [];
        const idempotent = parameters.some(
          (parameter) => parameter.$ref?.endsWith('/IdempotencyKey') || (parameter.in === 'header' && /^idempotency-key$/i.test(parameter.name ?? '')),
        );
        const successStatus = Number(Object.keys(operation.responses ?? {}).find((status) => /^2\d\d$/.test(status)) ?? 200);
        this.routes.push({ method: method.toUpperCase(), pattern, route: { name: `${method.toUpperCase()} ${path}`, idempotent, successStatus } });
      }
    }
    // where a literal segment and a parameter could both match (…/cases/{caseId} and a …/cases/export), the literal wins
    const literals = (name: string) => name.split('/').filter((segment) => !segment.startsWith('{')).length;
    this.routes.sort((a, b) => literals(b.route.name) - literals(a.route.name));
  }

  /** The route a request goes to; a path the document does not have is named as it is. */
  of(method: string, url: URL): Route {
    const found = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    return found?.route ?? { name: `${method} ${url.pathname}`, idempotent: false, successStatus: 200 };
  }
}

/** Reads the served document; the platform must be serving. */
export async function servedRoutes(baseUrl: string): Promise<RouteBook> {
  const response = await fetch(`${baseUrl}/v1/openapi.json`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET /v1/openapi.json → ${response.status}`);
  return new RouteBook((await response.json()) as ConstructorParameters<typeof RouteBook>[0]);
}
