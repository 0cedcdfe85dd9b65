import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one approval definition: CDK deploys it with substitutions, the local runtime fills the same placeholders. */
export const approvalWorkflowDefinitionPath = join(__dirname, 'approval-workflow.asl.json');

export const readApprovalWorkflowTemplate = (): string => readFileSync(approvalWorkflowDefinitionPath, 'utf8');

/** Replaces every `${Name}` placeholder; an unknown or missing placeholder is an error, never a silent gap. */
export function renderApprovalWorkflow(substitutions: Readonly<Record<string, string>>): string {
  const template = readApprovalWorkflowTemplate();
  const placeholders = new Set([...template.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] as string));
  const missing = [...placeholders].filter((name) => !(name in substitutions));
  if (missing.length > 0) throw new Error(`approval workflow placeholders without a value: ${missing.join(', ')}`);
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => substitutions[name] as string);
}

export const approvalWorkflowPlaceholders = (): string[] =>
  [...new Set([...readApprovalWorkflowTemplate().matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] as string))];
