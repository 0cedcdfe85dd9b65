import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '@contract/client';
import { type Audience, idToken } from '@/auth/session';
import { ApiProblem, networkProblem, problemOf } from './problem';

export type { components, paths };
/** A schema of the published contract by name, e.g. `Schema<'CaseView'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** Adds the signed-in audience's ID token to each call (none on public routes, or when nobody is signed in). */
const bearerOf = (audience: Audience): Middleware => ({
  async onRequest({ request }) {
    const token = await idToken(audience);
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
});

/** The API on this origin (`/v1` is routed to it by the local server and by CloudFront alike). */
export const publicApi = createClient<paths>({ baseUrl: '' });
export const citizenApi = createClient<paths>({ baseUrl: '' });
citizenApi.use(bearerOf('citizen'));
export const staffApi = createClient<paths>({ baseUrl: '' });
staffApi.use(bearerOf('staff'));

/**
 * The data of a 2xx answer, or an ApiProblem carrying the API's code and Chinese message: the one way the pages
 * read answers, so every refusal reaches the user the same way.
 */
export async function answerOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let reply: { data?: T; error?: unknown; response: Response };
  try {
    reply = await call;
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw networkProblem();
  }
  if (reply.response.ok) return reply.data as T;
  throw problemOf(reply.response.status, reply.error);
}
