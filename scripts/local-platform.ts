import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { environmentNames } from '../functions/shared/environment-names';
import { localEndpointsFile } from '../infra/local/endpoints-file';

/** The endpoints a running `npm start` published (url, table, buckets, engine endpoints), or a clear error. */
export function runningLocalPlatform(): Record<string, string> {
  const endpointsFile = localEndpointsFile(process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data'));
  if (!existsSync(endpointsFile)) {
    throw new Error(
      '本地平台未运行，请先执行 npm start / The local platform is not running: start it with npm start (or pass --table NAME for a deployed stack)',
    );
  }
  return JSON.parse(readFileSync(endpointsFile, 'utf8')) as Record<string, string>;
}

/** What an operator command that writes to the table was asked: the files, who, why and which table. */
export interface OperatorArguments {
  readonly files: string[];
  readonly by?: string;
  readonly reason?: string;
  readonly table?: string;
}

/** `FILE… [--by NAME] [--reason TEXT] [--table NAME]`; an unknown option or a missing value is refused in both languages. */
export function operatorArguments(argv: string[]): OperatorArguments {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { by: { type: 'string' }, reason: { type: 'string' }, table: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    return { files: positionals, ...values };
  } catch (error) {
    throw new Error(`参数有误 / Bad arguments: ${(error as Error).message}`, { cause: error });
  }
}

/** The table to write to: a deployed one by name (default AWS credentials and region), or the running local platform's. */
export function operatorTable(table: string | undefined): { client: DynamoDBClient; tableName: string; label: string } {
  if (table) return { client: new DynamoDBClient({}), tableName: table, label: `deployed table ${table}` };
  const endpoints = runningLocalPlatform();
  const client = new DynamoDBClient({
    endpoint: endpoints.AWS_ENDPOINT_URL_DYNAMODB,
    region: endpoints.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { client, tableName: endpoints[environmentNames.tableName] as string, label: `local platform ${endpoints.url}` };
}
