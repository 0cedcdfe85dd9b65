import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TenantConfigLoader } from '../../infra/tenant-config-loader';

const repositoryConfigDirectory = join(__dirname, '..', '..', 'config', 'tenants');

/** A stack with the platform's table shape and the loader; `bundle: false` skips esbuild where only the template matters. */
function givenLoaderApp(configDirectory: string, { bundle }: { bundle: boolean }) {
  const app = new App(bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'LoaderTest');
  const table = new TableV2(stack, 'Table', {
    partitionKey: { name: 'PK', type: AttributeType.STRING },
    sortKey: { name: 'SK', type: AttributeType.STRING },
    globalSecondaryIndexes: ['GSI1', 'GSI2'].map((indexName) => ({
      indexName,
      partitionKey: { name: `${indexName}PK`, type: AttributeType.STRING },
      sortKey: { name: `${indexName}SK`, type: AttributeType.STRING },
    })),
  });
  new TenantConfigLoader(stack, 'TenantConfigLoader', { table, configDirectory });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

function configDigestOf(stack: Stack): string {
  const resources = Object.values(Template.fromStack(stack).findResources('Custom::TenantConfigs'));
  expect(resources).toHaveLength(1);
  return resources[0]?.Properties.configDigest as string;
}

/** A temporary copy of the repository's config directory, removed after the test. */
const temporaryCopies: string[] = [];
function givenCopyOfConfigDirectory(): string {
  const directory = mkdtempSync(join(os.tmpdir(), 'tenant-configs-'));
  temporaryCopies.push(directory);
  cpSync(repositoryConfigDirectory, directory, { recursive: true });
  return directory;
}
afterAll(() => {
  for (const directory of temporaryCopies) rmSync(directory, { recursive: true, force: true });
});

describe('given the loader pointed at config/tenants, with cdk-nag AwsSolutions checks', () => {
  // one real synthesis (esbuild bundling and the afterBundling copy) shared by the assertions below
  const { app, stack } = givenLoaderApp(repositoryConfigDirectory, { bundle: true });
  const assembly = app.synth();
  const template = Template.fromStack(stack);

  it('then synthesis passes cdk-nag (it would throw on an unacknowledged error)', () => {
    expect(assembly.getStackByName('LoaderTest').template).toBeDefined();
  });

  it('then the custom resource carries a sha256 digest of the directory', () => {
    expect(configDigestOf(stack)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('then the bundled function carries the tenant files next to its handler', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }));
    expect(functions).toHaveLength(1);
    const assetHash = String(functions[0]?.Properties.Code.S3Key).replace(/\.zip$/, '');
    const bundledFile = join(assembly.directory, `asset.${assetHash}`, 'tenants', '522732.yaml');
    expect(existsSync(bundledFile)).toBe(true);
    expect(readFileSync(bundledFile, 'utf8')).toBe(readFileSync(join(repositoryConfigDirectory, '522732.yaml'), 'utf8'));
  });
});

describe('given two synthesized copies of the config directory', () => {
  it('when the copies are identical, then the digest is the same (no re-apply on an unchanged deploy)', () => {
    const original = configDigestOf(givenLoaderApp(repositoryConfigDirectory, { bundle: false }).stack);
    const copy = configDigestOf(givenLoaderApp(givenCopyOfConfigDirectory(), { bundle: false }).stack);
    expect(copy).toBe(original);
  });

  it('when a file of the copy changes, then the digest changes (the custom resource is updated and re-applies)', () => {
    const original = configDigestOf(givenLoaderApp(repositoryConfigDirectory, { bundle: false }).stack);
    const changed = givenCopyOfConfigDirectory();
    const file = join(changed, '630103.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# 新增注释 / a comment added\n`);
    expect(configDigestOf(givenLoaderApp(changed, { bundle: false }).stack)).not.toBe(original);
  });
});

describe('given a configuration directory with a broken file', () => {
  it('then synthesis fails naming the file and path, so nothing reaches CloudFormation', () => {
    const directory = mkdtempSync(join(os.tmpdir(), 'tongban-broken-'));
    writeFileSync(join(directory, '999999.yaml'), 'tenant:\n  tenantId: "12"\n');
    const app = new App();
    const stack = new Stack(app, 'Broken');
    const table = new TableV2(stack, 'Table', {
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
    });
    expect(() => new TenantConfigLoader(stack, 'TenantConfigs', { table, configDirectory: directory })).toThrow(/999999\.yaml: tenant\.tenantId/);
  });
});
