import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomResource } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { parseTenantConfigText } from '../functions/catalogue/domain/tenant-config/index';
import { addDeployTimeLoader } from './deploy-time-loader';
import { tenantConfigLoader } from './definitions/functions';

/** Where the handler finds the configuration: `join(__dirname, 'tenants')` next to the bundled index.js. */
const bundledConfigFolder = 'tenants';

/**
 * A broken file fails `cdk synth`, long before CloudFormation could half-deploy it: the same
 * validation the loader runs, with every error in the message.
 */
function refuseInvalidConfiguration(directory: string): void {
  const problems = readdirSync(directory)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .flatMap((name) => {
      const parsed = parseTenantConfigText(readFileSync(join(directory, name), 'utf8'), name);
      return parsed.ok ? [] : parsed.errors.map((error) => `${name}: ${error.path} ${error.message}`);
    });
  if (problems.length > 0) throw new Error(`tenant configuration is invalid; nothing deployed:\n${problems.join('\n')}`);
}

/**
 * sha256 of the directory's file names and contents, in name order. It changes with any file and
 * only then, so CloudFormation sends an Update (a re-apply) exactly when the configuration changed.
 */
function configDirectoryDigest(directory: string): string {
  const hash = createHash('sha256');
  const fileNames = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  for (const fileName of fileNames) {
    const content = readFileSync(join(directory, fileName));
    // lengths delimit name and content, so moving bytes from one file to the next changes the digest
    hash.update(`${Buffer.byteLength(fileName)}:${fileName}:${content.length}:`).update(content);
  }
  return hash.digest('hex');
}

export interface TenantConfigLoaderProps {
  readonly table: ITableV2;
  /** Absolute path of the tenant configuration directory (config/tenants). */
  readonly configDirectory: string;
}

/**
 * Makes `cdk deploy` load the tenant configuration directory into the table: the directory is
 * bundled next to a custom-resource handler, which validates every file and applies them all (or,
 * when any file is invalid, none, failing the deployment). A county onboarded by adding a file is
 * live once the deployment completes. The holiday notices shipped with the code are loaded by their
 * own resource (ShippedNoticesLoader), which the stack makes this one wait for.
 */
export class TenantConfigLoader extends Construct {
  /** The custom resource, to order it after what it needs loaded first. */
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: TenantConfigLoaderProps) {
    super(scope, id);
    refuseInvalidConfiguration(props.configDirectory);

    ({ resource: this.resource } = addDeployTimeLoader(this, {
      definition: tenantConfigLoader,
      table: props.table,
      properties: { configDigest: configDirectoryDigest(props.configDirectory) },
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [`cp -R "${props.configDirectory}" "${join(outputDir, bundledConfigFolder)}"`],
      },
    }));
  }
}
