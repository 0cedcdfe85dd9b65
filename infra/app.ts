import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Deployment, deploymentOf } from './deployment';
import { materialsBucket } from './definitions/buckets';
import { portalBuildDirectory } from './portal/portal-hosting';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/** `cdk synth -c portalAssets=<directory>` deploys another build of the portal than web/dist. */
export const portalAssetsContextKey = 'portalAssets';

export interface BuildOptions {
  /** The built portal to deploy. @default - `-c portalAssets=<directory>`, else web/dist (synthesis fails when it is not built) */
  readonly portalAssetsDirectory?: string;
}

/**
 * Builds the whole platform for one deployment file (`cdk synth -c deployment=<name>`, `default` when not given): data
 * and sign-in in one stack, code, workflows, the HTTP API and the portal's distribution in the other. A region named in
 * the file wins over the CLI's, so a China deployment is always built for its partition.
 */
export function buildApp(
  app: App = new App({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } }),
  options: BuildOptions = {},
): {
  app: App;
  deployment: Deployment;
  stateful: StatefulStack;
  stateless: StatelessStack;
} {
  const deployment = deploymentOf(app.node);
  const assetsContext: unknown = app.node.tryGetContext(portalAssetsContextKey);
  const portalAssetsDirectory = options.portalAssetsDirectory ?? (typeof assetsContext === 'string' ? assetsContext : portalBuildDirectory);

  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: deployment.region ?? process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'TongbanStateful', { env, deployment, description: 'Tongban data: table, buckets, queues' });
  const materials = stateful.buckets.get(materialsBucket.id);
  if (!materials) throw new Error(`the stateful stack has no ${materialsBucket.id}`);
  const stateless = new StatelessStack(app, 'TongbanStateless', {
    env,
    deployment,
    description: 'Tongban functions, approval workflow, HTTP API and citizen portal distribution',
    table: stateful.table,
    dataKey: stateful.dataKey,
    topics: stateful.topics,
    queues: stateful.queues,
    secrets: stateful.secrets,
    identity: stateful.identity.settings,
    portal: { materialsBucket: materials, logBucket: stateful.accessLogs, assetsDirectory: portalAssetsDirectory },
  });
  Tags.of(app).add('project', 'tongban');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, deployment, stateful, stateless };
}

if (require.main === module) buildApp().app.synth();
