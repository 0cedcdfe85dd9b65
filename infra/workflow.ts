import { CfnElement, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { answerWorkflow, includesAccess, observeWorkflow, startWorkflow, stopWorkflow } from './definitions/access';
import { functionDefinitions } from './definitions/functions';
import { queueDefinitions } from './definitions/queues';
import { partitionPlaceholder, type WorkflowDefinition, workflowPlaceholders } from './definitions/workflows';

type ConfigurableFunction = IFunction & { addEnvironment(key: string, value: string): unknown };

export interface WorkflowProps {
  readonly definition: WorkflowDefinition;
  /** Every function of the platform by definition id; the workflow invokes some and is driven by others. */
  readonly functions: ReadonlyMap<string, ConfigurableFunction>;
  readonly queues: ReadonlyMap<string, IQueue>;
}

/**
 * A Standard state machine deployed from its one ASL file (the file the local runtime also runs).
 * The definition is a file, so CDK cannot infer its permissions: each is granted here explicitly,
 * and the functions allowed to start it or answer its tokens receive its ARN. Its integration ARNs carry
 * `${Partition}`, filled with the stack's partition, so the one file deploys to `aws` and `aws-cn` alike.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const placeholders = new Set(workflowPlaceholders(props.definition));
    const required = (functionId: string): ConfigurableFunction => {
      const fn = props.functions.get(functionId);
      if (!fn) throw new Error(`function ${functionId} is not defined`);
      return fn;
    };
    const invoked = functionDefinitions.flatMap((definition) =>
      definition.trigger.kind === 'stateMachineTask' && definition.trigger.workflow === props.definition.id
        ? [{ placeholder: definition.trigger.definitionPlaceholder, fn: required(definition.id) }]
        : [],
    );
    const queues = queueDefinitions.flatMap((definition) =>
      definition.definitionPlaceholder && placeholders.has(definition.definitionPlaceholder)
        ? [{ placeholder: definition.definitionPlaceholder, queue: props.queues.get(definition.id) as IQueue }]
        : [],
    );

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(props.definition.definitionPath),
      definitionSubstitutions: {
        // integration ARNs name the stack's partition (`aws-cn` in China), never a literal `arn:aws:`
        [partitionPlaceholder]: Stack.of(this).partition,
        ...Object.fromEntries(queues.map(({ placeholder, queue }) => [placeholder, queue.queueUrl])),
        ...Object.fromEntries(invoked.map(({ placeholder, fn }) => [placeholder, fn.functionArn])),
      },
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_YEAR }),
        level: LogLevel.ALL,
        // executions carry only ids, but keep payloads out of logs by default anyway
        includeExecutionData: false,
      },
      // a case can legitimately run for months (suspensions, extensions); AWS caps Standard at one year
      timeout: Duration.days(365),
    });
    for (const { queue } of queues) queue.grantSendMessages(this.stateMachine);
    if (invoked.length > 0) {
      // exactly the unqualified functions named in the definition (grantInvoke would add `:*` versions)
      this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: invoked.map(({ fn }) => fn.functionArn) }));
    }
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'CloudWatch Logs delivery (logs:CreateLogDelivery and friends) and X-Ray tracing actions support no resource-level permissions.',
    });

    for (const definition of functionDefinitions) {
      const starts = includesAccess(definition.access, startWorkflow(props.definition));
      const answers = includesAccess(definition.access, answerWorkflow(props.definition));
      // execution-level actions: an execution's name is the case's, so its ARN ends in a wildcard under this machine
      const onExecutions = [
        ...(includesAccess(definition.access, observeWorkflow(props.definition)) ? ['states:DescribeExecution'] : []),
        ...(includesAccess(definition.access, stopWorkflow(props.definition)) ? ['states:StopExecution'] : []),
      ];
      if (!starts && !answers && onExecutions.length === 0) continue;
      const fn = required(definition.id);
      if (starts) this.stateMachine.grantStartExecution(fn);
      if (answers) this.stateMachine.grantTaskResponse(fn);
      if (onExecutions.length > 0) {
        this.stateMachine.grantExecution(fn, ...onExecutions);
        const stack = Stack.of(this);
        const machineId = stack.getLogicalId(this.stateMachine.node.defaultChild as CfnElement);
        const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
        Validations.of(fn).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machineId}"}]}]}:*]`,
          reason: 'Executions are named per case, so a function that reads or stops one is granted this state machine’s executions by prefix, no other.',
        });
      }
      fn.addEnvironment(props.definition.arnEnvironmentVariable, this.stateMachine.stateMachineArn);
    }
  }
}
