import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantConfigText } from '../../functions/catalogue/domain/tenant-config/index';
import type { IdentitySettings } from '../../functions/shared/identity-settings';
import type { PortalConfig } from '../local/portal-site';

/** What each audience's sign-in asks the provider for; the local providers grant the same (infra/local/identity-provider.ts). */
export const portalSignInScopes = { citizen: 'openid profile phone', staff: 'openid profile' } as const;

/**
 * The counties the portal serves: every file of the tenant configuration directory, by file name, read with the parser
 * the deploy-time loader validates with (TenantConfigLoader refuses a broken file at synthesis as well).
 */
export function portalTenants(configDirectory: string): PortalConfig['tenants'] {
  return readdirSync(configDirectory)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => {
      const parsed = parseTenantConfigText(readFileSync(join(configDirectory, name), 'utf8'), name);
      if (!parsed.ok) throw new Error(`config/tenants/${name} is invalid (npm run tenant:validate); the portal lists no county from it`);
      return { tenantId: parsed.config.tenant.tenantId, name: parsed.config.tenant.name };
    });
}

/**
 * `/portal-config.json` as the web app reads it (web/src/config.ts): the counties, the one it opens on, and where each
 * audience signs in. The client id is the first audience the API's authorizer accepts: the portal's app client.
 */
export function portalConfig(tenants: PortalConfig['tenants'], identity: IdentitySettings, defaultTenantId?: string): PortalConfig {
  const opensOn = defaultTenantId ?? tenants[0]?.tenantId;
  if (opensOn === undefined) throw new Error('config/tenants holds no county: the portal would have none to open on');
  if (!tenants.some((tenant) => tenant.tenantId === opensOn))
    throw new Error(`portal.defaultTenantId ${opensOn} is not a county of config/tenants (${tenants.map((tenant) => tenant.tenantId).join(', ')})`);
  const signIn = (audience: 'citizen' | 'staff') => {
    const clientId = identity[audience].audiences[0];
    if (clientId === undefined) throw new Error(`the ${audience} audience names no client id`);
    return { issuer: identity[audience].issuer, clientId, scope: portalSignInScopes[audience] };
  };
  return { tenants, defaultTenantId: opensOn, signIn: { citizen: signIn('citizen'), staff: signIn('staff') } };
}
