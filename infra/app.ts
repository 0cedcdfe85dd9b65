import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Deployment, deploymentOf } from './deployment';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/**
 * Builds the whole platform for one deployment file (`cdk synth -c deployment=<name>`, `default` when not given): data
 * and sign-in in one stack, code, workflows and the HTTP API in the other. A region named in the file wins over the
 * CLI's, so a China deployment is always built for its partition.
 */
export function buildApp(app: App = new App({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } })): {
  app: App;
  deployment: Deployment;
  stateful: StatefulStack;
  stateless: StatelessStack;
} {
  const deployment = deploymentOf(app.node);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: deployment.region ?? process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'TongbanStateful', { env, deployment, description: 'Tongban data: table, buckets, queues' });
  const stateless = new StatelessStack(app, 'TongbanStateless', {
    env,
    deployment,
    description: 'Tongban functions, approval workflow and HTTP API',
    table: stateful.table,
    dataKey: stateful.dataKey,
    topics: stateful.topics,
    queues: stateful.queues,
    secrets: stateful.secrets,
    identity: stateful.identity.settings,
  });
  Tags.of(app).add('project', 'tongban');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, deployment, stateful, stateless };
}

if (require.main === module) buildApp().app.synth();
