/**
 * Operator CLI: exports one day of the audit trail and reviews as JSON lines, the same use case the daily
 * EventBridge schedule runs on AWS. Without `--tenant`, every county in the table's register and the national
 * level `000000`, as the schedule does. Targets the running local platform (default) or, with
 * `--table NAME --bucket NAME`, a deployed stack through the standard AWS credentials chain.
 *
 * Usage: `npm run export:audit -- [--tenant 522732 [--tenant 630103]] [--date 2026-11-23] [--table NAME --bucket NAME]`
 * The date defaults to yesterday (Asia/Shanghai). Exit codes: 0 exported; 1 bad arguments; 2 the target could not be reached.
 */
import { DIVISION_CODE_PATTERN } from '../functions/kernel/ids';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock } from '../functions/shared/runtime';
import { DynamoCounterStore } from '../functions/supervision/adapters/dynamo-counter-store';
import { DynamoTenantRegister } from '../functions/supervision/adapters/dynamo-tenant-register';
import { S3ExportStore } from '../functions/supervision/adapters/s3-export-store';
import { exportAuditDay, exportDateOf, tenantsToExport } from '../functions/supervision/use-cases';
import { environmentNames } from '../functions/shared/environment-names';
import { runningLocalPlatform } from './local-platform';

function parseArguments(argv: string[]) {
  const options: { tenants: string[]; date?: string; table?: string; bucket?: string } = { tenants: [] };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (value === undefined) throw new Error(`${flag} 需要一个值 / needs a value`);
    if (flag === '--tenant') options.tenants.push(value);
    else if (flag === '--date') options.date = value;
    else if (flag === '--table') options.table = value;
    else if (flag === '--bucket') options.bucket = value;
    else throw new Error(`未知参数 / unknown argument ${flag}`);
  }
  return options;
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(process.argv.slice(2));
    if (!options.tenants.every((tenant) => DIVISION_CODE_PATTERN.test(tenant))) throw new Error('--tenant 应为六位代码 / --tenant must be a 6-digit code');
    if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new Error('--date 应为 YYYY-MM-DD / --date must be YYYY-MM-DD');
  } catch (error) {
    console.error(`✗ ${(error as Error).message}\n用法 / usage: npm run export:audit -- [--tenant 522732] [--date 2026-11-23] [--table NAME --bucket NAME]`);
    return 1;
  }
  const deployed = options.table && options.bucket;
  const local = deployed ? undefined : runningLocalPlatform();
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamo = local ? new DynamoDBClient({ endpoint: local.AWS_ENDPOINT_URL_DYNAMODB, region: local.AWS_REGION, credentials }) : new DynamoDBClient({});
  const s3 = local ? new S3Client({ endpoint: local.AWS_ENDPOINT_URL_S3, region: local.AWS_REGION, credentials, forcePathStyle: true }) : new S3Client({});
  const table = options.table ?? (local?.[environmentNames.tableName] as string);
  const bucket = options.bucket ?? (local?.[environmentNames.auditExportBucket] as string);
  const documents = DynamoDBDocumentClient.from(dynamo);
  const deps = {
    audit: new DynamoCounterStore(documents, table),
    exports: new S3ExportStore(s3, () => bucket),
    register: new DynamoTenantRegister(documents, table),
  };
  const date = exportDateOf(options.date, systemClock);
  for (const tenantId of await tenantsToExport(deps, options.tenants)) {
    const result = await exportAuditDay(deps, tenantId, date);
    console.log(`✓ ${tenantId} ${date}: ${result.auditRecords} audit record(s), ${result.reviews} review(s) → s3://${bucket}/${result.objects.join(', ')}`);
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
