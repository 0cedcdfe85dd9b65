/**
 * Who the suite acts as: a citizen who files and rates, a window clerk, a handler per department and a supervisor,
 * each a typed client (scripts/api/client.ts) with their ID token. Tokens come from the options, obtained however the
 * deployment signs people in (Cognito, the province's 统一身份认证, a county directory); against a local platform
 * (--local-data-dir) the missing ones are signed in through its providers, as `npm run token` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Middleware } from 'openapi-fetch';
import { type CitizenAccount, citizenDirectory, type StaffAccount, staffDirectory } from '../../infra/local/identity-accounts';
import { localEndpointsFile } from '../../infra/local/endpoints-file';
import { SignInError, signInCitizen, signInStaff } from '../../infra/local/sign-in';
import { createClient, type TongbanClient } from '../api/client';
import type { ApplicantIdentity, ConformanceOptions } from './options';

export interface Callers {
  readonly baseUrl: string;
  /** No token: the public routes (guides, the working-day calendar, the published document). */
  readonly anyone: TongbanClient;
  readonly citizen?: { readonly api: TongbanClient; readonly applicant: ApplicantIdentity; readonly who: string };
  readonly window?: TongbanClient;
  /** By department. */
  readonly handlers: ReadonlyMap<string, TongbanClient>;
  readonly supervisor?: TongbanClient;
  /** Who each caller is, for the opening line. */
  readonly described: readonly string[];
}

/** The callers could not be set up (no platform at that data directory, a sign-in refused). */
export class SetupError extends Error {}

/** The URL and environment a running local platform publishes in its data directory. */
export function localEndpoints(dataDir: string): Record<string, string> {
  const file = localEndpointsFile(dataDir);
  if (!existsSync(file)) {
    throw new SetupError(`本地平台未运行 / No local platform runs on ${dataDir} (no ${file}): start it with npm start (TONGBAN_DATA_DIR=${dataDir})`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The local accounts of the county that stand in for the options' tokens (config/local/staff.yaml, citizens.yaml). */
function localAccounts(tenantId: string, citizenPhone: string | undefined) {
  const staff = [...staffDirectory().values()].filter((account) => account.tenantId === tenantId);
  const withRole = (role: StaffAccount['role'], deptId?: string) => staff.find((account) => account.role === role && (!deptId || account.deptId === deptId));
  const citizens = [...citizenDirectory().values()];
  // an organisation of the county first (the sample items are permits a company applies for), else a resident
  const ofCounty = citizens.filter((account) => account.idNumber.includes(tenantId));
  const citizen: CitizenAccount | undefined = citizenPhone
    ? citizens.find((account) => account.phone === citizenPhone)
    : (ofCounty.find((account) => account.subjectType === 'organisation') ?? ofCounty[0]);
  if (citizenPhone && !citizen) throw new SetupError(`--citizen-phone ${citizenPhone} 不是实名账号 / is not a real-name account of config/local/citizens.yaml`);
  return {
    window: withRole('window'),
    supervisor: withRole('supervisor'),
    handlerOf: (deptId: string) => withRole('handler', deptId) ?? withRole('department_head', deptId),
    citizen,
  };
}

const applicantOf = (account: CitizenAccount): ApplicantIdentity => ({
  kind: account.subjectType,
  name: account.name,
  idType: account.idType,
  idNumber: account.idNumber,
  phone: account.phone,
});

async function signedIn<T>(what: string, signIn: () => Promise<T>): Promise<T> {
  try {
    return await signIn();
  } catch (error) {
    if (error instanceof SignInError) throw new SetupError(`登录失败 / Signing in ${what} failed: ${error.message}`);
    throw error;
  }
}

/**
 * The callers of a run. `departments` are the item's (from its public guide), so the local sign-in knows whose
 * handlers to sign in; `observe` sees every answer (the published-contract rule).
 */
export async function resolveCallers(options: ConformanceOptions, departments: readonly string[], observe: Middleware, baseUrl: string): Promise<Callers> {
  const client = (token?: string) => {
    const api = createClient({ baseUrl, ...(token ? { token } : {}) });
    api.use(observe);
    return api;
  };
  const described: string[] = [];
  let citizenToken = options.citizenToken;
  let applicant = options.applicant;
  let windowToken = options.windowToken;
  let supervisorToken = options.supervisorToken;
  const handlerTokens = new Map(options.handlerTokens);
  const given = (what: string) => described.push(`${what}: token given`);
  if (citizenToken) given('citizen');
  if (windowToken) given('window');
  for (const deptId of handlerTokens.keys()) given(`handler ${deptId}`);
  if (supervisorToken) given('supervisor');

  if (options.localDataDir) {
    const dataDir = options.localDataDir;
    const accounts = localAccounts(options.tenantId, options.citizenPhone);
    if (!citizenToken && accounts.citizen) {
      const account = accounts.citizen;
      citizenToken = await signedIn(`citizen ${account.phone}`, () => signInCitizen({ dataDir, phone: account.phone }));
      applicant ??= applicantOf(account);
      described.push(`citizen: ${account.phone} ${account.name} (signed in locally)`);
    }
    const staffToken = async (account: StaffAccount | undefined, what: string) => {
      if (!account) return undefined;
      const token = await signedIn(`${what} ${account.staffId}`, () => signInStaff({ dataDir, tenantId: account.tenantId, staffId: account.staffId }));
      described.push(`${what}: ${account.staffId} ${account.name} (signed in locally)`);
      return token;
    };
    windowToken ??= await staffToken(accounts.window, 'window');
    supervisorToken ??= await staffToken(accounts.supervisor, 'supervisor');
    for (const deptId of departments) {
      if (handlerTokens.has(deptId)) continue;
      const token = await staffToken(accounts.handlerOf(deptId), `handler ${deptId}`);
      if (token) handlerTokens.set(deptId, token);
    }
  }
  return {
    baseUrl,
    anyone: client(),
    ...(citizenToken && applicant ? { citizen: { api: client(citizenToken), applicant, who: `${applicant.name}` } } : {}),
    ...(windowToken ? { window: client(windowToken) } : {}),
    handlers: new Map([...handlerTokens].map(([deptId, token]) => [deptId, client(token)])),
    ...(supervisorToken ? { supervisor: client(supervisorToken) } : {}),
    described,
  };
}
