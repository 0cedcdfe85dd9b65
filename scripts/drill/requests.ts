/**
 * Every HTTP request of the drill, as a careful client sends it and as the report judges it. A mutating request carries
 * an `Idempotency-Key`; when it gets no answer (the platform was killed: connection refused or reset, socket hang up), a
 * 503, or the documented "still in progress" 409 (`IDEMPOTENCY_IN_PROGRESS`: its first attempt is still running, say on a
 * frozen engine), it is sent again with the same key and the same body, with backoff, until something else answers or
 * 120 s have passed. Each request keeps every attempt, so the report can tell a retry that got its first reply from one that met
 * the state its lost first attempt left behind.
 */
import { isDeepStrictEqual } from 'node:util';
import { pause } from './processes';
import { type Route, type RouteBook, s3Upload } from './routes';

/** A client that waits longer than a platform answering 503 within its bounded waits (2 × 5 s per SDK call) does. */
const ATTEMPT_TIMEOUT_MS = 60_000;
/** After this long without an answer other than 503, the request has failed. */
export const GIVE_UP_MS = 120_000;

export interface Attempt {
  readonly status?: number;
  /** The error envelope's code, when the answer has one. */
  readonly code?: string;
  /** No answer: what the connection did (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, TimeoutError, …). */
  readonly failure?: string;
}

export interface SentRequest {
  readonly flow: number;
  readonly route: Route;
  readonly key?: string;
  readonly attempts: Attempt[];
  /** The first answer other than 503: what the request got. */
  reply?: { readonly status: number; readonly body: unknown };
  givenUp: boolean;
  /** A replay: the answered request sent again with its key, to see that it gets the same reply. */
  readonly replayOf?: SentRequest;
  readonly input: RequestInput;
}

interface RequestInput {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** A request that got no answer but 503 for GIVE_UP_MS. */
export class GaveUp extends Error {}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const codeOf = (body: unknown): string | undefined =>
  typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : undefined;

/** How a request failed without an answer, as Node's fetch reports it (the cause carries the socket's error code). */
function failureOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; name?: string } }).cause;
  return cause?.code ?? cause?.name ?? (error as Error).name ?? 'Error';
}

/** Between attempts: the 503's Retry-After, else 0.5 s doubling up to 5 s (a restart takes tens of seconds). */
const backoffMs = (attempt: number, retryAfter: string | null): number =>
  retryAfter && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) * 1000 : Math.min(500 * 2 ** (attempt - 1), 5_000);

/** Answer bodies compared without `requestId`: an error envelope names the request that produced it, so a replay's is its own. */
const withoutRequestId = (body: unknown): unknown => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { requestId: _requestId, ...rest } = body as Record<string, unknown>;
  return rest;
};

export const sameReply = (a: SentRequest['reply'], b: SentRequest['reply']): boolean =>
  a !== undefined && b !== undefined && a.status === b.status && isDeepStrictEqual(withoutRequestId(a.body), withoutRequestId(b.body));

export class RequestLedger {
  readonly requests: SentRequest[] = [];
  private sequence = 0;

  constructor(
    private readonly routes: RouteBook,
    /** Makes the keys of this run its own (8–128 of letters, digits and `._:-`). */
    private readonly runId: string,
  ) {}

  /** The fetch of a flow's typed clients (scripts/api/client.ts): every call of the flow goes through the ledger. */
  fetchFor(flow: number): (request: Request) => Promise<Response> {
    return async (request) => {
      const body = request.body ? await request.text() : undefined;
      const url = new URL(request.url);
      return this.send(flow, this.routes.of(request.method, url), {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        ...(body !== undefined ? { body } : {}),
      });
    };
  }

  /** The PUT of an upload's bytes to its presigned URL, exactly with the headers the declaration answered. */
  putToPresignedUrl(flow: number, url: string, headers: Record<string, string>, bytes: Uint8Array): Promise<Response> {
    return this.send(flow, s3Upload, { method: 'PUT', url, headers, body: bytes });
  }

  /** Sends an answered request again with its key and body; its reply must be the first one. */
  async replay(original: SentRequest): Promise<void> {
    const entry = this.entry(original.flow, original.route, original.input, original.key, original);
    await this.deliver(entry).catch((error: unknown) => {
      if (!(error instanceof GaveUp)) throw error;
    });
  }

  /** A flow's answered 2xx requests on the routes that honour an Idempotency-Key: what a client could resend. */
  replayable(flow: number): SentRequest[] {
    return this.requests.filter(
      (request) => request.flow === flow && !request.replayOf && request.route.idempotent && request.reply && request.reply.status < 300,
    );
  }

  private send(flow: number, route: Route, input: RequestInput): Promise<Response> {
    // the presigned PUT is S3's, idempotent by itself (the URL names the object, `if-none-match: *` keeps the first bytes)
    const key = MUTATING.has(input.method) && route !== s3Upload ? `drill-${this.runId}-${flow}-${(this.sequence += 1)}` : undefined;
    const headers = key ? { ...input.headers, 'idempotency-key': key } : input.headers;
    return this.deliver(this.entry(flow, route, { ...input, headers }, key));
  }

  private entry(flow: number, route: Route, input: RequestInput, key?: string, replayOf?: SentRequest): SentRequest {
    const entry: SentRequest = { flow, route, ...(key ? { key } : {}), attempts: [], givenUp: false, ...(replayOf ? { replayOf } : {}), input };
    this.requests.push(entry);
    return entry;
  }

  private async deliver(entry: SentRequest): Promise<Response> {
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      let retryAfter: string | null = null;
      try {
        const response = await fetch(entry.input.url, {
          method: entry.input.method,
          headers: entry.input.headers,
          ...(entry.input.body !== undefined ? { body: entry.input.body } : {}),
          signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        const text = await response.text();
        const body = parsed(text);
        entry.attempts.push({ status: response.status, ...(codeOf(body) ? { code: codeOf(body) } : {}) });
        // the contract's two "retry shortly" answers: a dependency that did not answer, and the same key still in flight
        const retryLater = response.status === 503 || (response.status === 409 && codeOf(body) === 'IDEMPOTENCY_IN_PROGRESS');
        if (!retryLater) {
          entry.reply = { status: response.status, body };
          return new Response(text, { status: response.status, headers: response.headers });
        }
        retryAfter = response.headers.get('retry-after');
      } catch (error) {
        entry.attempts.push({ failure: failureOf(error) });
      }
      if (Date.now() - startedAt > GIVE_UP_MS) {
        entry.givenUp = true;
        throw new GaveUp(`${entry.route.name}: no answer but 503 or in-progress in ${GIVE_UP_MS / 1000} s (${entry.attempts.length} attempts)`);
      }
      await pause(backoffMs(attempt, retryAfter));
    }
  }
}
