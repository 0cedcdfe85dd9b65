import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentNames } from '../functions/shared/environment-names';
import { localEndpointsFile } from '../infra/local/endpoints-file';

/** The endpoints a running `npm start` published (url, table, buckets, engine endpoints), or a clear error. */
export function runningLocalPlatform(): Record<string, string> {
  const endpointsFile = localEndpointsFile(process.env[environmentNames.dataDir] ?? join(__dirname, '..', '.data'));
  if (!existsSync(endpointsFile)) throw new Error('本地平台未运行，请先执行 npm start / The local platform is not running: start it with npm start');
  return JSON.parse(readFileSync(endpointsFile, 'utf8')) as Record<string, string>;
}
