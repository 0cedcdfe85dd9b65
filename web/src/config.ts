/**
 * What the deployment tells the web app at run time (`/portal-config.json`, written by the local platform under
 * `npm start` and by CDK next to the build on AWS): which counties this portal serves and where each audience signs
 * in. Nothing of it is built in, so one build serves every deployment.
 */
export interface SignInProvider {
  /** The OpenID provider's issuer URL (its discovery document is below it). */
  readonly issuer: string;
  /** The public client of this app at that provider (authorization code + PKCE, no secret). */
  readonly clientId: string;
  readonly scope: string;
}

export interface PortalConfig {
  readonly tenants: readonly { readonly tenantId: string; readonly name: string }[];
  readonly defaultTenantId: string;
  readonly signIn: { readonly citizen: SignInProvider; readonly staff: SignInProvider };
}

let loaded: Promise<PortalConfig> | undefined;

export function portalConfig(): Promise<PortalConfig> {
  loaded ??= fetch('/portal-config.json', { headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`portal-config.json: HTTP ${response.status}`);
    return (await response.json()) as PortalConfig;
  });
  return loaded;
}
