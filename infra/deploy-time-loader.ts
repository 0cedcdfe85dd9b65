import { CustomResource, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { ICommandHooks, NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import type { DeployLoaderDefinition } from './definitions/functions';
import { platformFunction, tableStatement } from './platform-function';

export interface DeployTimeLoaderProps {
  readonly definition: DeployLoaderDefinition;
  readonly table: ITableV2;
  /** The custom resource's properties; a changed value is what makes CloudFormation send an Update (a re-load). */
  readonly properties: Readonly<Record<string, string>>;
  /** Extra bundling steps, e.g. copying the data next to the handler. @default - none */
  readonly commandHooks?: ICommandHooks;
}

/**
 * A deploy-time loader inside `scope`: its function (`Function`, reading and writing the table), the CDK
 * Provider framework around it (`Provider`, `ProviderLogs`) and the custom resource (`Resource`). The ids
 * are the ones the tenant-config loader always had, so its resources keep their logical ids.
 */
export function addDeployTimeLoader(scope: Construct, props: DeployTimeLoaderProps): { readonly fn: NodejsFunction; readonly resource: CustomResource } {
  const fn = platformFunction(scope, 'Function', {
    entry: props.definition.entry,
    table: props.table,
    description: props.definition.description,
    timeoutSeconds: props.definition.timeoutSeconds,
    ...(props.commandHooks ? { commandHooks: props.commandHooks } : {}),
  });
  fn.addToRolePolicy(tableStatement(props.table, 'read'));
  fn.addToRolePolicy(tableStatement(props.table, 'write'));

  const provider = new Provider(scope, 'Provider', {
    onEventHandler: fn,
    logGroup: new LogGroup(scope, 'ProviderLogs', { retention: RetentionDays.ONE_YEAR }),
  });
  // cdk-nag names the wildcard by the function's logical id, which depends on where this construct sits
  const functionLogicalId = Stack.of(scope).getLogicalId(fn.node.defaultChild as CfnFunction);
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'The CDK Provider framework function gets the AWS-managed basic execution policy, which only allows writing its own CloudWatch logs (kept one year).',
  });
  Validations.of(provider).acknowledge({
    id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
    reason: 'The CDK Provider framework may invoke any version or alias of the one loader function (`<function arn>:*`); it can invoke no other function.',
  });

  const resource = new CustomResource(scope, 'Resource', {
    serviceToken: provider.serviceToken,
    resourceType: props.definition.resourceType,
    properties: { ...props.properties },
  });
  return { fn, resource };
}
