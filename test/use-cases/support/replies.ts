import { DomainError } from '../../../functions/shared/errors';
import { errorReply } from '../../../functions/shared/http';

/** A refused call as the HTTP edge answers it: the status and the body functions/shared/http.ts maps the typed error to. */
export interface Refusal {
  readonly status: number;
  readonly body: { readonly code: string; readonly message: string; readonly details?: readonly { path: string; message: string }[] } & Record<string, unknown>;
}

/**
 * Runs a use case that must refuse, and answers what the caller would receive: the production
 * mapping from typed error to status and body (`errorReply`), so `{ status: 409, body: { code } }`
 * reads the same here as against the HTTP API. A call that succeeds, or fails with anything but a
 * domain error (a 5xx), fails the test.
 */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  const outcome = await call.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.error instanceof DomainError)) throw outcome.error;
  const reply = errorReply(outcome.error, 'R-test');
  return { status: reply.statusCode as number, body: JSON.parse(reply.body as string) as Refusal['body'] };
}
