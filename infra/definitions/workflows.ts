import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EnvironmentName, environmentNames } from '../../functions/shared/environment-names';

/**
 * Every state machine of the platform, described once. Each definition is ONE ASL file: CDK deploys
 * it with `definitionSubstitutions`, the local runtime fills the same `${Name}` placeholders.
 * Which functions may start a machine or answer its task tokens is said by their access
 * (`startWorkflow(…)`, `answerWorkflow(…)` in infra/definitions/access.ts).
 */
export type WorkflowId = 'ApprovalWorkflow' | 'AcceptanceTimer';

export interface WorkflowDefinition {
  /** Stable construct id, and the name of the machine on the local runtime. */
  readonly id: WorkflowId;
  readonly localName: string;
  readonly definitionPath: string;
  /** Environment variable through which functions receive the state machine ARN. */
  readonly arnEnvironmentVariable: EnvironmentName;
}

/** The parallel approval of a case by its departments (并联审批), with escalation and the join. */
export const approvalWorkflow: WorkflowDefinition = {
  id: 'ApprovalWorkflow',
  localName: 'tongban-approval',
  definitionPath: join(__dirname, '..', 'approval', 'approval-workflow.asl.json'),
  arnEnvironmentVariable: environmentNames.approvalStateMachineArn,
};

/** One timer per receipt: deemed acceptance when the window has not decided by the notice deadline. */
export const acceptanceTimer: WorkflowDefinition = {
  id: 'AcceptanceTimer',
  localName: 'tongban-acceptance-timer',
  definitionPath: join(__dirname, '..', 'intake', 'acceptance-timer.asl.json'),
  arnEnvironmentVariable: environmentNames.acceptanceTimerStateMachineArn,
};

export const workflowDefinitions: readonly WorkflowDefinition[] = [approvalWorkflow, acceptanceTimer];

export const workflow = (id: WorkflowId): WorkflowDefinition => workflowDefinitions.find((candidate) => candidate.id === id) as WorkflowDefinition;

export const readWorkflowTemplate = (definition: WorkflowDefinition): string => readFileSync(definition.definitionPath, 'utf8');

/**
 * The placeholder of the partition in every integration ARN (`arn:${Partition}:states:::lambda:invoke`), so one ASL file
 * serves the `aws` and `aws-cn` partitions: the stack fills it with its partition, the local runtime with `aws`.
 */
export const partitionPlaceholder = 'Partition';

/** The partition the local runtime (aws-local-stepfunctions) runs the definitions in. */
export const localPartition = 'aws';

export const workflowPlaceholders = (definition: WorkflowDefinition): string[] => [
  ...new Set([...readWorkflowTemplate(definition).matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] as string)),
];

/**
 * Replaces every `${Name}` placeholder; a missing value is an error, never a silent gap. The partition is the local
 * runtime's (`aws`) unless the substitutions name another.
 */
export function renderWorkflow(definition: WorkflowDefinition, substitutions: Readonly<Record<string, string>>): string {
  const values: Readonly<Record<string, string>> = { [partitionPlaceholder]: localPartition, ...substitutions };
  const missing = workflowPlaceholders(definition).filter((name) => !(name in values));
  if (missing.length > 0) throw new Error(`${definition.id} placeholders without a value: ${missing.join(', ')}`);
  return readWorkflowTemplate(definition).replace(/\$\{(\w+)\}/g, (_, name: string) => values[name] as string);
}
