import { createRemoteJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';
import type { IdentityAudience, IdentitySettings } from '../../functions/shared/identity-settings';

/**
 * The local stand-in for API Gateway's HTTP API JWT authorizer: one per audience (citizens, staff), configured with
 * that audience's issuer and app clients, checking a token the way the gateway documents it — the token alone or
 * after `Bearer `; a `kid` that names a key of the issuer's `jwks_uri`, an RSA signature; `iss`; `aud` (or
 * `client_id` when there is no `aud`) one of the audiences; `exp` after, `nbf` and `iat` before now. The claims of
 * a token that passes go to the handler as the gateway hands them over: every value a string.
 */

/** RSA only, as API Gateway accepts. */
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/** The gateway keeps an issuer's public keys for up to two hours. */
const JWKS_CACHE_MS = 2 * 60 * 60 * 1000;

export type AuthorizerResult =
  | { readonly ok: true; readonly claims: Readonly<Record<string, string>> }
  /** Why, for the `www-authenticate` header (the gateway says as much there); the body never tells. */
  | { readonly ok: false; readonly reason: string };

/**
 * One claim value as API Gateway renders it into `requestContext.authorizer.jwt.claims`: strings as they are,
 * numbers and booleans in their JSON form, arrays as `[a b c]` (Cognito groups arrive as `[handler]`), objects as JSON.
 */
export function apiGatewayClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(apiGatewayClaimValue).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const apiGatewayClaims = (payload: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, apiGatewayClaimValue(value)]));

/** The token of an `Authorization` header: the value itself, or what follows `Bearer `. */
export function tokenOf(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  return bearer ? bearer[1] : value;
}

const audienceMatches = (payload: JWTPayload, audiences: readonly string[]): boolean => {
  if (payload.aud !== undefined) return (Array.isArray(payload.aud) ? payload.aud : [payload.aud]).some((aud) => audiences.includes(aud));
  return typeof payload.client_id === 'string' && audiences.includes(payload.client_id);
};

export class JwtAuthorizers {
  private readonly keySets = new Map<IdentityAudience, Promise<ReturnType<typeof createRemoteJWKSet>>>();

  constructor(
    private readonly settings: IdentitySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The issuer's key set, found through its discovery document as the gateway does. */
  private keySet(audience: IdentityAudience): Promise<ReturnType<typeof createRemoteJWKSet>> {
    let found = this.keySets.get(audience);
    if (!found) {
      const { issuer } = this.settings[audience];
      found = fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
        .then(async (response) => {
          if (!response.ok) throw new Error(`discovery answered ${response.status}`);
          const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
          if (!jwksUri) throw new Error('no jwks_uri in the discovery document');
          return createRemoteJWKSet(new URL(jwksUri), { cacheMaxAge: JWKS_CACHE_MS });
        })
        .catch((error: unknown) => {
          this.keySets.delete(audience); // try again on the next request
          throw error;
        });
      this.keySets.set(audience, found);
    }
    return found;
  }

  async authorize(audience: IdentityAudience, authorization: string | undefined): Promise<AuthorizerResult> {
    const token = tokenOf(authorization);
    if (!token) return { ok: false, reason: 'no token' };
    const { issuer, audiences } = this.settings[audience];
    try {
      const header = decodeProtectedHeader(token);
      if (!header.kid) return { ok: false, reason: 'the token has no kid' };
      const currentDate = this.now();
      const { payload } = await jwtVerify(token, await this.keySet(audience), { issuer, algorithms: RSA_ALGORITHMS, requiredClaims: ['exp'], currentDate });
      if (!audienceMatches(payload, audiences)) return { ok: false, reason: 'the token is for another audience' };
      if (payload.iat !== undefined && payload.iat > currentDate.getTime() / 1000) return { ok: false, reason: 'the token is issued in the future' };
      return { ok: true, claims: apiGatewayClaims(payload) };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  }
}
