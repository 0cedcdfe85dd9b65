import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoItemCatalogue } from '../../../functions/catalogue/adapters/dynamo-item-catalogue';
import type { PublishedItem } from '../../../functions/catalogue/domain/service-item';
import { DynamoTenantDirectory } from '../../../functions/catalogue/adapters/dynamo-tenant-directory';
import { parseTenantConfigText } from '../../../functions/catalogue/domain/tenant-config/index';
import { applyTenantConfig } from '../../../functions/catalogue/use-cases';
import type { Applicant } from '../../../functions/intake/domain/case';
import { nationalIdDigest } from '../../../functions/kernel/applicant';
import { systemClock } from '../../../functions/shared/runtime';
import type { CitizenAccount, StaffAccount } from '../../../infra/local/identity-accounts';
import { type LocalPlatform, startLocalPlatform } from '../../../infra/local/platform';
import { signInCitizen, signInStaff } from '../../../infra/local/sign-in';
import { committedOpenApiValidator, responseValidationEnabled } from '../../support/openapi-validator';

export const repositoryRoot = join(__dirname, '..', '..', '..');
/** The two real sample counties, onboarded in every test platform as `npm start` does. */
export const sampleTenantFiles = ['522732.yaml', '630103.yaml'].map((name) => join(repositoryRoot, 'config', 'tenants', name));

/** A throw-away data directory, so each test file starts from an empty platform. */
export const aDataDirectory = (): string => mkdtempSync(join(tmpdir(), 'tongban-it-'));

export const removeDataDirectory = (dataDir: string): void => rmSync(dataDir, { recursive: true, force: true });

/** Accounts a test file signs in with besides config/local/staff.yaml and citizens.yaml. */
export interface ExtraAccounts {
  readonly staff?: readonly StaffAccount[];
  readonly citizens?: readonly CitizenAccount[];
}

/** Starts the whole local platform (real engines): the sample counties onboarded, plus the given extra items published. */
export async function givenARunningPlatform(dataDir: string, items: readonly PublishedItem[] = [], accounts: ExtraAccounts = {}): Promise<LocalPlatform> {
  return startLocalPlatform({
    dataDir,
    httpPort: 0,
    staffAccounts: accounts.staff,
    citizenAccounts: accounts.citizens,
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

/**
 * Whether `apiClient` validates each answer against schemas/openapi.json: `TONGBAN_VALIDATE_RESPONSES=on|off`, by default
 * on once the document covers every HTTP route (test/support/openapi-validator.ts).
 */
const validateResponses = responseValidationEnabled();

/**
 * A tiny HTTP client for the local API, as the README's curl walk-through uses it; `signedIn` headers go with every call.
 * Every answer is validated against the OpenAPI document (`validateResponses`); a body that is not JSON comes back as text.
 */
export const apiClient = (baseUrl: string, signedIn: Record<string, string> = {}) => {
  const send = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string,
    headers: Record<string, string> = {},
  ): Promise<ApiReply<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...signedIn, ...headers },
      ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const contentType = response.headers.get('content-type');
    const text = await response.text();
    const parsed: unknown = /json/.test(contentType ?? '') ? JSON.parse(text) : text;
    // every answer is held to schemas/openapi.json: an undocumented status or shape fails the test that produced it
    if (validateResponses) committedOpenApiValidator().assert({ method, path, status: response.status, body: parsed, contentType });
    return { status: response.status, body: parsed as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => send<T>('GET', path, undefined, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, undefined, headers),
    postRaw: <T = Record<string, unknown>>(path: string, rawBody: string) => send<T>('POST', path, undefined, rawBody),
  };
};

export type ApiClient = ReturnType<typeof apiClient>;

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
export function aPlatformForThisFile(items: readonly PublishedItem[] = [], accounts: ExtraAccounts = {}): RunningPlatform {
  const running = { dataDir: aDataDirectory() } as RunningPlatform;
  beforeAll(async () => {
    running.platform = await givenARunningPlatform(running.dataDir, items, accounts);
    running.api = apiClient(running.platform.url);
  });
  afterAll(async () => {
    await running.platform?.stop();
    removeDataDirectory(running.dataDir);
  });
  return running;
}

/** ID tokens already obtained in this test file, per platform and account: a sign-in sends an SMS code, once is enough. */
const tokens = new WeakMap<LocalPlatform, Map<string, Promise<string>>>();

function cachedToken(platform: LocalPlatform, account: string, signIn: () => Promise<string>): Promise<string> {
  const forPlatform = tokens.get(platform) ?? new Map<string, Promise<string>>();
  tokens.set(platform, forPlatform);
  let token = forPlatform.get(account);
  if (!token) {
    token = signIn();
    forPlatform.set(account, token);
    token.catch(() => forPlatform.delete(account));
  }
  return token;
}

const signInEndpoints = (platform: LocalPlatform) => ({
  citizenIssuer: platform.identity.citizen.issuer,
  staffIssuer: platform.identity.staff.issuer,
  outboxFile: platform.identity.outboxFile,
});

/**
 * The headers of a citizen signed in through the local provider (the real code + PKCE flow, the code read from the
 * outbox): a phone of config/local/citizens.yaml is that real-name account, any other a self-registered L2 one.
 */
export async function asCitizen(running: RunningPlatform, phone: string): Promise<Record<string, string>> {
  const token = await cachedToken(running.platform, `citizen|${phone}`, () => signInCitizen({ endpoints: signInEndpoints(running.platform), phone }));
  return { authorization: `Bearer ${token}` };
}

/** The headers of a member of staff (config/local/staff.yaml, or the file's extra accounts) signed in through the local provider. */
export async function asStaffMember(running: RunningPlatform, tenantId: string, staffId: string): Promise<Record<string, string>> {
  const token = await cachedToken(running.platform, `staff|${tenantId}|${staffId.toUpperCase()}`, () =>
    signInStaff({ endpoints: signInEndpoints(running.platform), tenantId, staffId }),
  );
  return { authorization: `Bearer ${token}` };
}

/** A phone of its own for a test applicant's account, derived from their ID (test applicants often share a contact phone). */
const accountPhoneOf = (idType: string, idNumber: string): string =>
  `19${(BigInt(`0x${nationalIdDigest(idType, idNumber).slice(0, 12)}`) % 1_000_000_000n).toString().padStart(9, '0')}`;

/**
 * The real-name account (实名等级 L3) of a test applicant, enrolled with the local citizens' provider as the province
 * platform would hold it: the applicant's ID, a phone of its own. Returns the account's phone.
 */
export function enrolApplicant(running: RunningPlatform, applicant: Pick<Applicant, 'kind' | 'name' | 'idType' | 'idNumber'>): string {
  const phone = accountPhoneOf(applicant.idType, applicant.idNumber);
  running.platform.identity.enrol({
    citizen: {
      phone,
      name: applicant.name,
      idType: applicant.idType as CitizenAccount['idType'],
      idNumber: applicant.idNumber,
      subjectType: applicant.kind === 'organisation' ? 'organisation' : 'person',
      trustLevel: 'L3',
    },
  });
  return phone;
}

/** The API as a test applicant signed in with their real-name account (enrolled on first use): online filing, their case, reviews. */
export async function applicantApi(running: RunningPlatform, applicant: Pick<Applicant, 'kind' | 'name' | 'idType' | 'idNumber'>): Promise<ApiClient> {
  return apiClient(running.platform.url, await asCitizen(running, enrolApplicant(running, applicant)));
}

/** The API as a member of staff of config/local/staff.yaml (or an account the file enrolled), signed in through the local provider. */
export async function staffApi(running: RunningPlatform, tenantId: string, staffId: string): Promise<ApiClient> {
  return apiClient(running.platform.url, await asStaffMember(running, tenantId, staffId));
}

/** The notice document the platform archived for a case (受理通知书, 一次性告知书, …), as JSON. */
export async function archivedNotice(running: RunningPlatform, tenantId: string, caseId: string, noticeNo: string): Promise<Record<string, unknown>> {
  const s3 = new S3Client({
    endpoint: running.platform.environment.AWS_ENDPOINT_URL_S3,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const archived = await s3.send(
    new GetObjectCommand({ Bucket: running.platform.environment.CERTIFICATES_BUCKET, Key: `notices/${tenantId}/${caseId}/${noticeNo}.json` }),
  );
  return JSON.parse(await (archived.Body as { transformToString(): Promise<string> }).transformToString()) as Record<string, unknown>;
}
