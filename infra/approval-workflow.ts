import { Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { approvalWorkflowDefinitionPath } from './approval/approval-workflow';
import { environmentNames, functionDefinitions } from './definitions/functions';
import { departmentTaskQueue } from './definitions/queues';

export interface ApprovalWorkflowProps {
  /** Every function of the platform by definition id; the workflow invokes some and is driven by others. */
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly queues: ReadonlyMap<string, IQueue>;
}

/**
 * The approval state machine, deployed from the one ASL document the local runtime also runs.
 * The definition is a file, so CDK cannot infer its permissions: each is granted here explicitly.
 */
export class ApprovalWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: ApprovalWorkflowProps) {
    super(scope, id);
    const taskQueue = props.queues.get(departmentTaskQueue.id);
    if (!taskQueue) throw new Error('department task queue missing');

    const invoked = functionDefinitions.flatMap((definition) =>
      definition.trigger.kind === 'stateMachineTask' ? [{ placeholder: definition.trigger.definitionPlaceholder, fn: this.required(props, definition.id) }] : [],
    );

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(approvalWorkflowDefinitionPath),
      definitionSubstitutions: {
        [departmentTaskQueue.definitionPlaceholder as string]: taskQueue.queueUrl,
        ...Object.fromEntries(invoked.map(({ placeholder, fn }) => [placeholder, fn.functionArn])),
      },
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_YEAR }),
        level: LogLevel.ALL,
        // execution data carries only ids, but keep payloads out of logs by default anyway
        includeExecutionData: false,
      },
      // a case can legitimately run for months (suspensions, extensions); AWS caps Standard at one year
      timeout: Duration.days(365),
    });
    taskQueue.grantSendMessages(this.stateMachine);
    // invoke exactly the unqualified functions named in the definition (grantInvoke would add `:*` versions)
    this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: invoked.map(({ fn }) => fn.functionArn) }));
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'CloudWatch Logs delivery (logs:CreateLogDelivery and friends) and X-Ray tracing actions support no resource-level permissions.',
    });

    for (const definition of functionDefinitions) {
      const fn = this.required(props, definition.id);
      if (definition.access.includes('approval:start')) {
        this.stateMachine.grantStartExecution(fn);
        fn.addEnvironment(environmentNames.approvalStateMachineArn, this.stateMachine.stateMachineArn);
      }
      if (definition.access.includes('approval:callback')) {
        this.stateMachine.grantTaskResponse(fn);
        fn.addEnvironment(environmentNames.approvalStateMachineArn, this.stateMachine.stateMachineArn);
      }
    }
  }

  private required(props: ApprovalWorkflowProps, id: string): IFunction & { addEnvironment(key: string, value: string): unknown } {
    const fn = props.functions.get(id);
    if (!fn) throw new Error(`function ${id} is not defined`);
    return fn as IFunction & { addEnvironment(key: string, value: string): unknown };
  }
}
