/**
 * The typed client of the Tongban API: openapi-fetch over the types of schemas/openapi.json (schemas/openapi.d.ts,
 * written by `npm run openapi`). Paths, parameters, bodies and answers are checked by the compiler against the
 * published contract, so a script that calls a route the wrong way, or reads a field the route does not answer, does
 * not compile:
 *
 *   const api = createClient({ baseUrl: 'http://127.0.0.1:3000', token });
 *   const { data, error, response } = await api.GET('/v1/tenants/{tenantId}/cases/{caseId}', { params: { path: { tenantId, caseId } } });
 *
 * `data` is the body of a 2xx answer, `error` that of any other (the error envelope, or API Gateway's
 * `{"message":"Unauthorized"}`), `response` the fetch Response. Used by the scripts (demo:day, bench, conformance)
 * and meant for the web front end.
 */
import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from '../../schemas/openapi';

export type { components, operations, paths };

/** A client of every route of the document. */
export type TongbanClient = Client<paths>;

/** The schemas of the document by name, e.g. `Schema<'CaseView'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON request body of an operation by its operationId, e.g. `RequestBody<'RecordRectificationStep'>`. */
export type RequestBody<Operation extends keyof operations> = operations[Operation] extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;

export interface TongbanClientOptions {
  /** The API's origin, e.g. `http://127.0.0.1:3000` or the deployment's API URL, without `/v1`. */
  readonly baseUrl: string;
  /** An ID token (citizen or staff), sent as `Authorization: Bearer …` with every call; none for public routes. */
  readonly token?: string;
  /** Headers sent with every call besides the token. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Another fetch (tests, timing); the global one by default. */
  readonly fetch?: ClientOptions['fetch'];
}

/** A typed client for one caller: the base URL, and that caller's token if the caller signs in. */
export function createClient(options: TongbanClientOptions): TongbanClient {
  return createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { ...options.headers, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** What a refused call answered, as one line: the status and the error code and message when the body is the envelope. */
export function describeRefusal(response: Response, error: unknown): string {
  const body = (error ?? {}) as { code?: string; message?: string };
  return `${response.status}${body.code ? ` ${body.code}` : ''}${body.message ? `: ${body.message}` : ''}`;
}

/** The data of a 2xx answer, or an error naming the call and what it answered. */
export function expectData<T>(what: string, reply: { data?: T; error?: unknown; response: Response }): T {
  if (reply.response.ok && reply.data !== undefined) return reply.data;
  throw new Error(`${what} → ${describeRefusal(reply.response, reply.error)}`);
}
