import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoItemCatalogue } from '../../../functions/catalogue/adapters/dynamo-item-catalogue';
import type { PublishedItem } from '../../../functions/catalogue/domain/service-item';
import { DynamoTenantDirectory } from '../../../functions/catalogue/adapters/dynamo-tenant-directory';
import { parseTenantConfigText } from '../../../functions/catalogue/domain/tenant-config/index';
import { applyTenantConfig } from '../../../functions/catalogue/use-cases';
import { systemClock } from '../../../functions/shared/runtime';
import { type LocalPlatform, startLocalPlatform } from '../../../infra/local/platform';

export const repositoryRoot = join(__dirname, '..', '..', '..');
/** The two real sample counties, onboarded in every test platform as `npm start` does. */
export const sampleTenantFiles = ['522732.yaml', '630103.yaml'].map((name) => join(repositoryRoot, 'config', 'tenants', name));

/** A throw-away data directory, so each test file starts from an empty platform. */
export const aDataDirectory = (): string => mkdtempSync(join(tmpdir(), 'tongban-it-'));

export const removeDataDirectory = (dataDir: string): void => rmSync(dataDir, { recursive: true, force: true });

/** Starts the whole local platform (real engines): the sample counties onboarded, plus the given extra items published. */
export async function givenARunningPlatform(dataDir: string, items: readonly PublishedItem[] = []): Promise<LocalPlatform> {
  return startLocalPlatform({
    dataDir,
    httpPort: 0,
    log: process.env.TONGBAN_TEST_LOG ? (line) => process.stderr.write(`${line}\n`) : undefined,
    beforeServing: async ({ environment }) => {
      const documents = DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB,
          region: 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
      );
      const catalogue = new DynamoItemCatalogue(documents, environment.TABLE_NAME as string);
      const tenants = new DynamoTenantDirectory(documents, environment.TABLE_NAME as string);
      for (const file of sampleTenantFiles) {
        const parsed = parseTenantConfigText(readFileSync(file, 'utf8'), file);
        if (!parsed.ok) throw new Error(`sample tenant ${file} is invalid`);
        if (!(await tenants.profile(parsed.config.tenant.tenantId))) {
          await applyTenantConfig({ catalogue, tenants, clock: systemClock }, parsed.config, { by: 'test', reason: 'sample tenant' });
        }
      }
      for (const item of items) {
        if (await catalogue.itemVersion(item.tenantId, item.code, item.version)) continue;
        await catalogue.publish({ published: item, change: { by: 'test', at: new Date().toISOString(), reason: 'fixture' } });
      }
    },
  });
}

export interface ApiReply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/** A tiny HTTP client for the local API, as the README's curl walk-through uses it. */
export const apiClient = (baseUrl: string) => {
  const send = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string,
    headers: Record<string, string> = {},
  ): Promise<ApiReply<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => send<T>('GET', path, undefined, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, undefined, headers),
    postRaw: <T = Record<string, unknown>>(path: string, rawBody: string) => send<T>('POST', path, undefined, rawBody),
  };
};

/** The identity headers a member of staff sends (see the README, "Staff identity"). */
export const asStaff = (staffId: string, role: 'window' | 'handler' | 'department_head' | 'supervisor' | 'admin', deptId?: string): Record<string, string> => ({
  'x-staff-id': staffId,
  'x-staff-role': role,
  ...(deptId ? { 'x-staff-dept': deptId } : {}),
});

/** Polls until `probe` returns a value, for work the queue pollers and the workflow do asynchronously. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface RunningPlatform {
  platform: LocalPlatform;
  api: ReturnType<typeof apiClient>;
  readonly dataDir: string;
}

/** One platform for the whole test file: started before its tests, stopped and erased after them. */
export function aPlatformForThisFile(items: readonly PublishedItem[] = []): RunningPlatform {
  const running = { dataDir: aDataDirectory() } as RunningPlatform;
  beforeAll(async () => {
    running.platform = await givenARunningPlatform(running.dataDir, items);
    running.api = apiClient(running.platform.url);
  });
  afterAll(async () => {
    await running.platform?.stop();
    removeDataDirectory(running.dataDir);
  });
  return running;
}
