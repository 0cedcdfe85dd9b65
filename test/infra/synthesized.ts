import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import type { FunctionDefinition } from '../../infra/definitions/functions';

/**
 * A stand-in for the portal's build (web/dist): an index.html and one hashed asset, so infra tests do not depend on
 * `npm run build:web`. One directory per test file.
 */
let portalAssets: string | undefined;
export function portalTestAssets(): string {
  if (portalAssets) return portalAssets;
  const directory = mkdtempSync(join(os.tmpdir(), 'portal-dist-'));
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><html lang="zh-CN"><script type="module" src="/assets/index-abc123.js"></script></html>\n');
  writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'export {};\n');
  return (portalAssets = directory);
}

/**
 * The platform synthesized for one deployment file, as `cdk synth -c deployment=<name>` would build it, with cdk-nag's
 * AwsSolutions checks (synthesis throws on an unacknowledged error) but without esbuild bundling: these tests read
 * templates and policies, not bundles (test/infra/stacks.test.ts bundles every function once).
 */
export function synthesize(deployment: string) {
  const app = new App({ context: { deployment, 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
  const built = buildApp(app, { portalAssetsDirectory: portalTestAssets() });
  const assembly = app.synth();
  return { ...built, assembly, statefulTemplate: Template.fromStack(built.stateful), statelessTemplate: Template.fromStack(built.stateless) };
}

export interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, string[]>>;
}

export const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

/**
 * The statements of a function's own policy (its role's default policy). The logical id is the context's construct
 * (one capitalised word), the definition id, then `ServiceRoleDefaultPolicy`, so `GetCase` never matches `GetCaseForStaff`.
 */
export function statementsOf(template: Template, definition: Pick<FunctionDefinition, 'id'>): Statement[] {
  const pattern = new RegExp(`^[A-Z][a-z]+${definition.id}ServiceRoleDefaultPolicy[0-9A-F]{8}$`);
  const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([logicalId]) => pattern.test(logicalId));
  if (policies.length > 1) throw new Error(`${definition.id}: ${policies.length} policies match`);
  return policies.flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** Every statement of every IAM policy of a template: policies, managed policies and the inline policies of roles. */
export function everyStatement(template: Template): { owner: string; statement: Statement }[] {
  const documents = [
    ...Object.entries(template.findResources('AWS::IAM::Policy')).map(([owner, policy]) => ({ owner, documents: [policy.Properties.PolicyDocument] })),
    ...Object.entries(template.findResources('AWS::IAM::ManagedPolicy')).map(([owner, policy]) => ({ owner, documents: [policy.Properties.PolicyDocument] })),
    ...Object.entries(template.findResources('AWS::IAM::Role')).map(([owner, role]) => ({
      owner,
      documents: ((role.Properties.Policies ?? []) as { PolicyDocument: unknown }[]).map((policy) => policy.PolicyDocument),
    })),
  ];
  return documents.flatMap(({ owner, documents: docs }) =>
    docs.flatMap((document) => ((document as { Statement: Statement[] }).Statement ?? []).map((statement) => ({ owner, statement }))),
  );
}
