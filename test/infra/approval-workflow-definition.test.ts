import { workflowSignals } from '../../functions/shared/workflow-signals';
import aslValidator from 'asl-validator';
import {
  partitionPlaceholder,
  readWorkflowTemplate,
  renderWorkflow,
  workflow,
  type WorkflowDefinition,
  workflowDefinitions,
  workflowPlaceholders,
} from '../../infra/definitions/workflows';
import { functionDefinitions } from '../../infra/definitions/functions';
import { queueDefinitions } from '../../infra/definitions/queues';
import { taskStates } from '../../infra/local/step-functions';

type State = Parameters<typeof taskStates>[0][string];

const placeholdersProvidedByDefinitions = (definition: WorkflowDefinition): string[] => [
  // every integration ARN names the partition (the stack's; `aws` on the local runtime)
  partitionPlaceholder,
  ...queueDefinitions.flatMap((queue) =>
    queue.definitionPlaceholder && readWorkflowTemplate(definition).includes(`\${${queue.definitionPlaceholder}}`) ? [queue.definitionPlaceholder] : [],
  ),
  ...functionDefinitions.flatMap((fn) =>
    fn.trigger.kind === 'stateMachineTask' && fn.trigger.workflow === definition.id ? [fn.trigger.definitionPlaceholder] : [],
  ),
];

const approval = workflow('ApprovalWorkflow');

const rendered = (definition: WorkflowDefinition = approval) =>
  JSON.parse(
    renderWorkflow(
      definition,
      Object.fromEntries(
        placeholdersProvidedByDefinitions(definition).map((name) => [
          name,
          name === partitionPlaceholder
            ? 'aws'
            : name.endsWith('Url')
              ? 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q'
              : 'arn:aws:lambda:us-east-1:123456789012:function:f',
        ]),
      ),
    ),
  ) as { States: Record<string, State> };

describe.each(workflowDefinitions.map((definition) => [definition.id, definition] as const))('given the one %s definition', (_id, definition) => {
  it('then it is valid Amazon States Language once its placeholders are filled', () => {
    const { isValid, errorsText } = aslValidator(rendered(definition) as never);
    expect(errorsText()).toBe('');
    expect(isValid).toBe(true);
  });

  it('then its placeholders are exactly those the stack and the local runtime fill', () => {
    expect(workflowPlaceholders(definition).sort()).toEqual(placeholdersProvidedByDefinitions(definition).sort());
  });

  it('then rendering refuses a missing placeholder value instead of deploying a gap', () => {
    expect(() => renderWorkflow(definition, {})).toThrow(/without a value/);
  });

  it('then every integration ARN takes its partition from the placeholder, never a literal `arn:aws:`', () => {
    const template = readWorkflowTemplate(definition);
    expect(template).not.toContain('arn:aws:');
    const resources = taskStates(JSON.parse(template).States).map(([, state]) => state.Resource);
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(resource).toMatch(/^arn:\$\{Partition\}:states:::/);
  });

  it('then rendered for the local runtime it is the aws partition, and for another partition that one', () => {
    const values = Object.fromEntries(
      placeholdersProvidedByDefinitions(definition)
        .filter((name) => name !== partitionPlaceholder)
        .map((name) => [name, 'x']),
    );
    expect(renderWorkflow(definition, values)).toContain('"arn:aws:states:::');
    expect(renderWorkflow(definition, { ...values, [partitionPlaceholder]: 'aws-cn' })).not.toContain('arn:aws:');
  });

  it('then every Task state has an explicit timeout (locally the default is 60 s, on AWS a year)', () => {
    const withoutTimeout = taskStates(rendered(definition).States).filter(
      ([, state]) => state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined,
    );
    expect(withoutTimeout.map(([name]) => name)).toEqual([]);
  });
});

describe('given the approval workflow definition', () => {
  it('then every callback wait carries its timeout in the message, where the local runtime reads it', () => {
    const waits = taskStates(rendered().States).filter(([, state]) => state.Resource?.endsWith('.waitForTaskToken'));
    expect(waits.length).toBeGreaterThan(0);
    for (const [, state] of waits) {
      const field = String(state.TimeoutSecondsPath).replace(/^\$\./, '');
      const body = (state.Parameters as { MessageBody: Record<string, string> }).MessageBody;
      expect(body[`${field}.$`]).toBe(state.TimeoutSecondsPath);
      expect(body['taskToken.$']).toBe('$$.Task.Token');
    }
  });

  it('then the departments are approved in parallel, or one at a time for a serial chain, as the execution input says', () => {
    const map = JSON.parse(readWorkflowTemplate(approval)).States.ApproveInParallel;
    expect(map).toMatchObject({ Type: 'Map', MaxConcurrencyPath: '$.maxConcurrency' });
  });

  it('then a denial anywhere stops the other departments and still reaches the join: the callback fails the wait with the signal', () => {
    const map = JSON.parse(readWorkflowTemplate(approval)).States.ApproveInParallel;
    expect(map.Catch).toEqual([{ ErrorEquals: [workflowSignals.denied], ResultPath: '$.denied', Next: 'CompleteApproval' }]);
    // nobody in the branch catches a denial, so it reaches the Map
    const wait = map.ItemProcessor.States.AwaitDepartmentDecision;
    expect(wait.Catch.flatMap((catcher: { ErrorEquals: string[] }) => catcher.ErrorEquals)).not.toContain(workflowSignals.denied);
  });

  it('then an approval costs one state per department: the wait ends its branch, a reschedule and a timeout are caught, a closed task ends it', () => {
    const states = JSON.parse(readWorkflowTemplate(approval)).States.ApproveInParallel.ItemProcessor.States;
    expect(Object.keys(states).sort()).toEqual(['AwaitDepartmentDecision', 'EscalateOverdueTask', 'RecomputeWait', 'TaskClosed']);
    expect(states.AwaitDepartmentDecision).toMatchObject({
      End: true,
      Catch: [
        { ErrorEquals: [workflowSignals.rescheduled], Next: 'RecomputeWait' },
        { ErrorEquals: ['States.Timeout'], Next: 'EscalateOverdueTask' },
      ],
    });
    for (const step of ['RecomputeWait', 'EscalateOverdueTask']) {
      // the closed-task signal is never retried (a retrier matching States.TaskFailed would otherwise take it) and is caught
      expect([step, states[step].Retry[0]]).toEqual([step, { ErrorEquals: [workflowSignals.taskClosed], MaxAttempts: 0 }]);
      expect([step, states[step].Catch]).toEqual([step, [{ ErrorEquals: [workflowSignals.taskClosed], Next: 'TaskClosed' }]]);
      expect([step, states[step].Next]).toEqual([step, 'AwaitDepartmentDecision']);
    }
  });
});
