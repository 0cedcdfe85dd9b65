import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/** Builds the whole platform: data in one stack, code and workflow in the other. */
export function buildApp(app: App = new App({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } })): {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
} {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'TongbanStateful', { env, description: 'Tongban data: table, buckets, queues' });
  const stateless = new StatelessStack(app, 'TongbanStateless', {
    env,
    description: 'Tongban functions, approval workflow and HTTP API',
    table: stateful.table,
    dataKey: stateful.dataKey,
    topics: stateful.topics,
    queues: stateful.queues,
    secrets: stateful.secrets,
    staffDirectory: stateful.staffDirectory,
  });
  Tags.of(app).add('project', 'tongban');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless };
}

if (require.main === module) buildApp().app.synth();
