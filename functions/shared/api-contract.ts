import { z } from 'zod';

/**
 * What one HTTP route promises, written once next to its context and used twice: the handler parses its
 * requests with these schemas (functions/shared/http.ts), and the OpenAPI document is generated from them
 * (infra/openapi/, `npm run openapi`), so the published contract cannot drift from what is parsed. The
 * integration suite validates every response it sees against the document.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 503;

export interface ResponseSpec {
  /** What this answer means, in Chinese then English. */
  readonly description: string;
  /** The body; omitted for an answer without one. */
  readonly schema?: z.ZodType;
  /** A realistic example drawn from the sample counties (三都县 522732, 城中区 630103), Chinese text where users see it. */
  readonly example?: unknown;
  /**
   * The media types of the body (the API docs page: HTML, CSS, JavaScript); `schema` describes each.
   * @default - ['application/json']
   */
  readonly mediaTypes?: readonly string[];
}

export interface RouteContract {
  /** One line, Chinese then English: what the caller does with the route. */
  readonly summary: string;
  /** Which rule of the regulations the route serves, where it matters (e.g. 一次性告知, seed 002 §14). */
  readonly description?: string;
  /** Groups for the docs page: 办件受理 Intake, 材料 Materials, 审批 Approval, 事项与日历 Catalogue, 证照与出件 Results, 评价与督查 Reviews, 接口文档 API docs (infra/openapi/info.ts describes each). */
  readonly tag: string;
  readonly path?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly bodyExample?: unknown;
  /** Honours the `Idempotency-Key` header: a retry returns the first reply to the same caller. */
  readonly idempotent?: boolean;
  /** Every success status the route can answer, with its body. */
  readonly responses: Readonly<Partial<Record<200 | 201 | 202 | 204, ResponseSpec>>>;
  /**
   * Every error status the route can answer and the codes it can carry there (all in the shared error envelope).
   * 401 is implied for signed-in routes and 400 `VALIDATION_FAILED`/`INVALID_JSON`/`INVALID_TENANT_ID` for routes with input;
   * list the route's own codes.
   */
  readonly errors: Readonly<Partial<Record<ErrorStatus, readonly string[]>>>;
}

/** Keeps the literal types of a context's contracts while checking their shape. */
export const routeContracts = <const T extends Record<string, RouteContract>>(contracts: T): T => contracts;

/** The body of every refusal (functions/shared/http.ts `errorReply`): a code to act on and the message in both languages. */
export const errorEnvelopeSchema = z
  .object({
    code: z.string().describe('Machine-readable code, e.g. CASE_NOT_FOUND'),
    message: z.string().describe('中文 / English'),
    messageZh: z.string(),
    messageEn: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Error' });

/** API Gateway's own answer when its JWT authorizer refuses a token (on AWS; locally the error envelope with `UNAUTHENTICATED`). */
export const gatewayUnauthorizedSchema = z.object({ message: z.literal('Unauthorized') }).meta({ id: 'GatewayUnauthorized' });
