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
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoItemCatalogue } from '../functions/catalogue/adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from '../functions/catalogue/adapters/dynamo-tenant-directory';
import { parseTenantConfigText, type TenantConfig } from '../functions/catalogue/domain/tenant-config/index';
import { applyTenantConfig } from '../functions/catalogue/use-cases';
import { systemClock } from '../functions/shared/runtime';
import { operatorArguments, operatorTable } from './local-platform';

async function main(): Promise<number> {
  const options = operatorArguments(process.argv.slice(2));
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
  const { client, tableName, label } = operatorTable(options.table);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const deps = { catalogue: new DynamoItemCatalogue(documents, tableName), tenants: new DynamoTenantDirectory(documents, tableName), clock: systemClock };
  for (const config of configs) {
    const summary = await applyTenantConfig(deps, config, {
      by: options.by ?? process.env.USER ?? 'operator',
      reason: options.reason ?? '配置变更 / configuration change',
    });
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
