import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { logger, tracer } from '../../shared/powertools';
import { parseTenantConfigText, type TenantConfig, type TenantConfigError } from '../domain/tenant-config/index';
import { type ApplySummary, applyTenantConfig, type CatalogueDependencies } from '../use-cases';
import { catalogueDependencies } from '../wiring';

/** The files a configuration directory may hold; anything else (a README, say) is not configuration. */
const configFilePattern = /\.(ya?ml|json)$/i;

/** One id for the whole directory: the resource is the directory, not any one tenant in it. */
const physicalResourceId = 'tenant-configs';

/** Thrown when any file of the directory is invalid; the message lists every error of every file. */
export class InvalidTenantConfigDirectoryError extends Error {
  constructor(readonly errors: readonly { file: string; error: TenantConfigError }[]) {
    super(
      [
        `租户配置无效，未应用任何配置 / Invalid tenant configuration, nothing applied (${errors.length} error(s); check with npm run tenant:validate):`,
        ...errors.map(
          ({ file, error }) => `${file}: ${error.path || '(file)'}${error.line === undefined ? '' : ` (line ${error.line})`} [${error.code}] ${error.message}`,
        ),
      ].join('\n'),
    );
    this.name = 'InvalidTenantConfigDirectoryError';
  }
}

/**
 * Loads a tenant configuration directory: every file is read and validated first, and only when all
 * of them are valid is each applied, so one broken file can never leave a half-applied directory.
 * Applying is idempotent (unchanged items keep their version), so loading the same directory again
 * publishes nothing.
 */
export async function loadTenantConfigDirectory(
  directory: string,
  deps: Pick<CatalogueDependencies, 'catalogue' | 'tenants' | 'clock'>,
  change: { by: string; reason: string },
): Promise<ApplySummary[]> {
  const files = readdirSync(directory)
    .filter((name) => configFilePattern.test(name))
    .sort();
  const configs: TenantConfig[] = [];
  const errors: { file: string; error: TenantConfigError }[] = [];
  const fileOfTenant = new Map<string, string>();
  for (const file of files) {
    const parsed = parseTenantConfigText(readFileSync(join(directory, file), 'utf8'), file);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((error) => ({ file, error })));
      continue;
    }
    // a file copied to onboard a county but still carrying the old code would silently overwrite that county
    const tenantId = parsed.config.tenant.tenantId;
    const earlierFile = fileOfTenant.get(tenantId);
    if (earlierFile !== undefined) {
      errors.push({
        file,
        error: {
          path: 'tenant.tenantId',
          code: 'duplicate_tenant',
          message: `租户 ${tenantId} 已在 ${earlierFile} 中配置 / Tenant ${tenantId} is already configured in ${earlierFile}`,
        },
      });
    } else fileOfTenant.set(tenantId, file);
    configs.push(parsed.config);
  }
  if (errors.length > 0) throw new InvalidTenantConfigDirectoryError(errors);
  const summaries: ApplySummary[] = [];
  // one tenant after another: each apply reads the versions the previous writes left behind
  for (const config of configs) summaries.push(await applyTenantConfig(deps, config, change));
  return summaries;
}

/** What the CDK Provider framework expects back from an onEvent handler. */
export interface ProviderOnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** The properties the TenantConfigLoader construct puts on the custom resource. */
interface LoaderProperties {
  /** sha256 of the directory at synth time: a new value is what makes CloudFormation send an Update. */
  readonly configDigest: string;
}

async function onEvent(event: CloudFormationCustomResourceEvent<LoaderProperties>): Promise<ProviderOnEventResponse> {
  // the table is retained and the configuration stays live data: removing the loader must not unpublish anything
  if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalResourceId };
  const deps = catalogueDependencies();
  const change = { by: 'cdk deploy', reason: `配置目录部署 / config directory deployed (${event.ResourceProperties.configDigest})` };
  try {
    const summaries = await loadTenantConfigDirectory(join(__dirname, 'tenants'), deps, change);
    for (const summary of summaries) {
      logger.info('tenant configuration applied', { tenantId: summary.tenantId, published: summary.published, unchanged: summary.unchanged.length });
    }
    return { PhysicalResourceId: physicalResourceId, Data: { tenants: summaries.map((summary) => summary.tenantId).join(',') } };
  } catch (error) {
    // CloudFormation shows only a truncated reason; the log keeps every error for the operator
    logger.error('tenant configuration directory not applied', error as Error);
    throw error;
  }
}

/**
 * CloudFormation custom resource (CDK Provider framework onEvent): loads the bundled config/tenants on every deploy that
 * changes it. The national calendar's shipped notices are loaded before it by their own resource (functions/calendar/load-shipped-notices).
 */
export const handler = middy<CloudFormationCustomResourceEvent<LoaderProperties>, ProviderOnEventResponse>()
  .use(injectLambdaContext(logger, { clearState: true, resetKeys: true }))
  .use(captureLambdaHandler(tracer))
  .handler(onEvent) as unknown as (event: CloudFormationCustomResourceEvent<LoaderProperties>, context: Context) => Promise<ProviderOnEventResponse>;
