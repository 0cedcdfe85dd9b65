/**
 * Operator CLI: applies tenant configuration files to the running local platform (default) or,
 * with `--table NAME`, to a deployed stack's table using the standard AWS credentials chain.
 *
 * Usage: `npm run tenant:apply -- FILE... [--by NAME] [--reason TEXT] [--table NAME]`
 *
 * Every file is validated first; nothing is written unless all of them are valid. Items whose
 * definition changed get a new version; unchanged items keep theirs. Exit codes: 0 applied;
 * 1 invalid configuration; 2 a file or the target could not be reached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoItemCatalogue } from '../functions/catalogue/adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from '../functions/catalogue/adapters/dynamo-tenant-directory';
import { parseTenantConfigText, type TenantConfig } from '../functions/catalogue/domain/tenant-config';
import { applyTenantConfig } from '../functions/catalogue/use-cases';
import { systemClock } from '../functions/shared/runtime';
import { environmentNames } from '../functions/shared/environment-names';
import { localEndpointsFile } from '../infra/local/endpoints-file';

interface Options {
  files: string[];
  by: string;
  reason: string;
  table?: string;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { files: [], by: process.env.USER ?? 'operator', reason: '配置变更 / configuration change' };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${argument} 需要一个值 / needs a value`);
      index += 1;
      return next;
    };
    if (argument === '--by') options.by = value();
    else if (argument === '--reason') options.reason = value();
    else if (argument === '--table') options.table = value();
    else options.files.push(argument);
  }
  return options;
}

function target(options: Options): { client: DynamoDBClient; tableName: string; label: string } {
  if (options.table) return { client: new DynamoDBClient({}), tableName: options.table, label: `deployed table ${options.table}` };
  const dataDir = process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data');
  const endpointsFile = localEndpointsFile(dataDir);
  if (!existsSync(endpointsFile)) {
    throw new Error(
      '本地平台未运行，请先执行 npm start / The local platform is not running: start it with npm start (or pass --table NAME for a deployed stack)',
    );
  }
  const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as Record<string, string>;
  const client = new DynamoDBClient({
    endpoint: endpoints.AWS_ENDPOINT_URL_DYNAMODB,
    region: endpoints.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { client, tableName: endpoints[environmentNames.tableName] as string, label: `local platform ${endpoints.url}` };
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if (options.files.length === 0) {
    console.error('用法 / usage: npm run tenant:apply -- FILE... [--by NAME] [--reason TEXT] [--table NAME]');
    return 2;
  }
  const configs: TenantConfig[] = [];
  let invalid = false;
  for (const file of options.files) {
    if (!existsSync(file)) {
      console.error(`✗ ${file}: 文件不存在 / File not found`);
      return 2;
    }
    const parsed = parseTenantConfigText(readFileSync(file, 'utf8'), file);
    if (parsed.ok) configs.push(parsed.config);
    else {
      invalid = true;
      console.error(`✗ ${file}: ${parsed.errors.length} 个错误 / error(s); nothing applied`);
      for (const error of parsed.errors) console.error(`  ${error.path || '(file)'} [${error.code}] ${error.message}`);
    }
  }
  if (invalid) return 1;
  const { client, tableName, label } = target(options);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const deps = { catalogue: new DynamoItemCatalogue(documents, tableName), tenants: new DynamoTenantDirectory(documents, tableName), clock: systemClock };
  for (const config of configs) {
    const summary = await applyTenantConfig(deps, config, { by: options.by, reason: options.reason });
    const published = summary.published.map((item) => `${item.code}@v${item.version}`).join(', ') || '无 / none';
    console.log(`✓ ${summary.tenantId} ${config.tenant.name} → ${label}: published ${published}; unchanged ${summary.unchanged.length}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`✗ ${error.message}`);
    process.exit(2);
  },
);
