import aslValidator from 'asl-validator';
import { approvalWorkflowPlaceholders, readApprovalWorkflowTemplate, renderApprovalWorkflow } from '../../infra/approval/approval-workflow';
import { functionDefinitions } from '../../infra/definitions/functions';
import { queueDefinitions } from '../../infra/definitions/queues';
import { taskStates } from '../../infra/local/step-functions';

type State = Parameters<typeof taskStates>[0][string];

const placeholdersProvidedByDefinitions = (): string[] => [
  ...queueDefinitions.flatMap((queue) => (queue.definitionPlaceholder ? [queue.definitionPlaceholder] : [])),
  ...functionDefinitions.flatMap((fn) => (fn.trigger.kind === 'stateMachineTask' ? [fn.trigger.definitionPlaceholder] : [])),
];

const rendered = () =>
  JSON.parse(
    renderApprovalWorkflow(
      Object.fromEntries(
        placeholdersProvidedByDefinitions().map((name) => [
          name,
          name.endsWith('Url') ? 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q' : 'arn:aws:lambda:us-east-1:123456789012:function:f',
        ]),
      ),
    ),
  ) as { States: Record<string, State> };

describe('given the one approval workflow definition', () => {
  it('then it is valid Amazon States Language once its placeholders are filled', () => {
    const { isValid, errorsText } = aslValidator(rendered() as never);
    expect(errorsText()).toBe('');
    expect(isValid).toBe(true);
  });

  it('then its placeholders are exactly those the stack and the local runtime fill', () => {
    expect(approvalWorkflowPlaceholders().sort()).toEqual(placeholdersProvidedByDefinitions().sort());
  });

  it('then rendering refuses a missing placeholder value instead of deploying a gap', () => {
    expect(() => renderApprovalWorkflow({})).toThrow(/without a value/);
  });

  it('then every Task state has an explicit timeout (locally the default is 60 s, on AWS a year)', () => {
    const withoutTimeout = taskStates(rendered().States).filter(([, state]) => state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined);
    expect(withoutTimeout.map(([name]) => name)).toEqual([]);
  });

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

  it('then the departments are approved in parallel without a concurrency cap', () => {
    const map = JSON.parse(readApprovalWorkflowTemplate()).States.ApproveInParallel;
    expect(map).toMatchObject({ Type: 'Map', MaxConcurrency: 0 });
  });
});
