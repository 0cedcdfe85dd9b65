import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomResource, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { parseTenantConfigText } from '../functions/catalogue/domain/tenant-config/index';
import { officialCalendarYears } from '../functions/domain/calendar-data';
import { platformFunction, tableStatement } from './platform-function';

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

/** sha256 of the holiday notices the loader bundles (functions/domain/calendar-data): a changed one re-runs the loader. */
function shippedNoticesDigest(): string {
  return createHash('sha256').update(JSON.stringify(officialCalendarYears)).digest('hex');
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
 * live once the deployment completes. The same handler loads the holiday notices shipped with the code
 * as the national calendar's initial data (years already loaded, and their corrections, are kept).
 */
export class TenantConfigLoader extends Construct {
  constructor(scope: Construct, id: string, props: TenantConfigLoaderProps) {
    super(scope, id);
    refuseInvalidConfiguration(props.configDirectory);

    const fn = platformFunction(this, 'Function', {
      entry: 'functions/catalogue/load-tenant-configs/handler.ts',
      table: props.table,
      description: 'Tongban: loads config/tenants and the shipped holiday notices into the table on cdk deploy',
      // two counties take seconds; the margin is for many counties, each item read before it is written
      timeoutSeconds: 300,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [`cp -R "${props.configDirectory}" "${join(outputDir, bundledConfigFolder)}"`],
      },
    });
    fn.addToRolePolicy(tableStatement(props.table, 'read'));
    fn.addToRolePolicy(tableStatement(props.table, 'write'));

    const provider = new Provider(this, 'Provider', {
      onEventHandler: fn,
      logGroup: new LogGroup(this, 'ProviderLogs', { retention: RetentionDays.ONE_YEAR }),
    });
    // cdk-nag names the wildcard by the function's logical id, which depends on where this construct sits
    const functionLogicalId = Stack.of(this).getLogicalId(fn.node.defaultChild as CfnFunction);
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'The CDK Provider framework function gets the AWS-managed basic execution policy, which only allows writing its own CloudWatch logs (kept one year).',
    });
    Validations.of(provider).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason: 'The CDK Provider framework may invoke any version or alias of the one loader function (`<function arn>:*`); it can invoke no other function.',
    });

    new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::TenantConfigs',
      properties: { configDigest: configDirectoryDigest(props.configDirectory), noticesDigest: shippedNoticesDigest() },
    });
  }
}
