import { createHash, generateKeyPairSync, type JsonWebKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import Provider, { type Configuration, type InteractionResults, type JWK } from 'oidc-provider';
import { type IdentitySettings, identitySettingsSchema } from '../../functions/shared/identity-settings';
import { freePort, listenOn, startOnSomePort } from './engines';
import {
  accountClaims,
  accountKey,
  type CitizenAccount,
  citizenDirectory,
  findStaff,
  type LocalAccount,
  MOBILE_PHONE_PATTERN,
  type StaffAccount,
  staffDirectory,
  SubjectRegistry,
  citizenAccountSchema,
  staffAccountSchema,
  staffKey,
} from './identity-accounts';
import { memoryStore } from './identity-store';
import { citizenPhonePage, codePage, errorPage, maskPhone, type PageMessage, staffAccountPage } from './interaction-pages';
import { codeRefusal, SignInCodes } from './sign-in-codes';

/**
 * The local stand-in for the province's 统一身份认证 platform (citizens) and the county staff directory (staff): two
 * OpenID Providers (the certified `oidc-provider` package) on 127.0.0.1, with our own sign-in pages. Citizens sign in
 * with a phone number and a one-time code, staff with county + 工号 and a code to the account's phone; every code goes
 * to the local SMS outbox and the console. Tokens carry the claims production tokens carry, under the same names.
 */

export type SignInAudience = 'citizen' | 'staff';

/** The app clients, as the web apps and Cognito name them: public clients, authorization code + PKCE only. */
export const localClientIds: Readonly<Record<SignInAudience, string>> = { citizen: 'tongban-portal', staff: 'tongban-workbench' };

/** Where `npm run token` (infra/local/sign-in.ts) is sent back to; nothing listens there, the script reads the redirect. */
export const tokenScriptRedirectUri = 'http://127.0.0.1/token-script/callback';

/** What a sign-in asks for: every claim of the audience comes with `openid` already, as in a Cognito ID token. */
export const signInScopes: Readonly<Record<SignInAudience, string>> = { citizen: 'openid profile phone', staff: 'openid profile' };

const issuerNames: Readonly<Record<SignInAudience, string>> = { citizen: '统一身份认证平台', staff: '县级政务服务工作人员统一认证' };

const claimNames: Readonly<Record<SignInAudience, readonly string[]>> = {
  citizen: ['sub', 'name', 'phone_number', 'custom:trustLevel', 'custom:idDigest', 'custom:subjectType'],
  staff: ['sub', 'name', 'custom:tenantId', 'custom:staffId', 'cognito:groups', 'custom:deptId'],
};

/** Lifetimes in seconds: ID tokens 1 h as the contract says; a code is exchanged at once. */
const ttl = { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 3600, Session: 3600, Grant: 3600 } as const;

export interface LocalIdentityOptions {
  readonly dataDir: string;
  /** The SMS outbox the notifications write to; sign-in codes are appended to it. */
  readonly outboxFile: string;
  /** Wanted ports (kept per data directory); a taken one is replaced, 0 picks one. */
  readonly ports: Readonly<Record<SignInAudience, number>>;
  /** Origins of the web apps (the local HTTP API's), for their `/auth/callback` redirect URIs. */
  readonly webOrigins: readonly string[];
  readonly staffAccounts?: readonly StaffAccount[];
  readonly citizenAccounts?: readonly CitizenAccount[];
  readonly log?: (line: string) => void;
}

export interface RunningIssuer {
  readonly audience: SignInAudience;
  readonly issuer: string;
  readonly port: number;
  readonly clientId: string;
}

export interface LocalIdentity {
  readonly citizen: RunningIssuer;
  readonly staff: RunningIssuer;
  /** What the handlers and the HTTP API are told (`IDENTITY_SETTINGS`): issuers, audiences, default claim names. */
  readonly settings: IdentitySettings;
  /**
   * Adds an account while the providers run, as an administrator of the province platform or the staff directory would
   * (tests enrol the applicants they file for); signing in is then the same real flow as for the accounts of the files.
   */
  enrol(account: { readonly citizen: CitizenAccount } | { readonly staff: StaffAccount }): void;
  stop(): Promise<void>;
}

/** Both issuers; each is stopped again if the other fails to start. */
export async function startLocalIdentity(options: LocalIdentityOptions): Promise<LocalIdentity> {
  const shared = {
    directory: { staff: staffDirectory(options.staffAccounts), citizens: citizenDirectory(options.citizenAccounts) },
    subjects: new SubjectRegistry(join(options.dataDir, 'identity', 'subjects.json')),
    log: options.log ?? (() => undefined),
  };
  const [citizenStart, staffStart] = await Promise.allSettled(
    (['citizen', 'staff'] as const).map(async (audience) =>
      // an issuer's URL names its port, so it is chosen before the provider is made
      startOnSomePort(options.ports[audience] || (await freePort()), (port) => startIssuer(audience, port, options, shared)),
    ),
  );
  const started = [citizenStart, staffStart].flatMap((start) => (start?.status === 'fulfilled' ? [start.value.started] : []));
  const stop = async () => {
    await Promise.all(started.map((issuer) => new Promise((resolve) => issuer.server.close(resolve))));
  };
  for (const start of [citizenStart, staffStart]) {
    if (start?.status === 'rejected') {
      await stop();
      throw start.reason;
    }
  }
  const [citizen, staff] = started as [StartedIssuer, StartedIssuer];
  const settings = identitySettingsSchema.parse({
    citizen: { issuer: citizen.issuer, audiences: [citizen.clientId] },
    staff: { issuer: staff.issuer, audiences: [staff.clientId] },
  });
  const enrol: LocalIdentity['enrol'] = (account) => {
    if ('citizen' in account) {
      const citizen = citizenAccountSchema.parse(account.citizen);
      shared.directory.citizens.set(citizen.phone, citizen);
    } else {
      const member = staffAccountSchema.parse(account.staff);
      shared.directory.staff.set(staffKey(member.tenantId, member.staffId), member);
    }
  };
  return { citizen: citizen.running, staff: staff.running, settings, enrol, stop };
}

interface SharedState {
  readonly directory: { readonly staff: Map<string, StaffAccount>; readonly citizens: Map<string, CitizenAccount> };
  readonly subjects: SubjectRegistry;
  readonly log: (line: string) => void;
}

interface StartedIssuer {
  readonly issuer: string;
  readonly clientId: string;
  readonly server: Server;
  readonly running: RunningIssuer;
}

/**
 * The signing key of an issuer, generated once and kept in the data directory so tokens and cached JWKS stay valid
 * across restarts. RS256: API Gateway's JWT authorizer takes RSA keys only.
 */
export function issuerSigningKey(file: string): JWK {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JsonWebKey;
  const kid = createHash('sha256')
    .update(jwk.n as string)
    .digest('base64url')
    .slice(0, 16);
  const key = { ...jwk, kid, alg: 'RS256', use: 'sig' } as JWK;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

async function startIssuer(audience: SignInAudience, port: number, options: LocalIdentityOptions, shared: SharedState): Promise<StartedIssuer> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = localClientIds[audience];
  const signedIn = new Map<string, LocalAccount>();
  const findAccount: Configuration['findAccount'] = async (_ctx, sub) => {
    const account = signedIn.get(sub);
    return account ? { accountId: sub, claims: async () => ({ sub, ...accountClaims(account, sub) }) } : undefined;
  };
  const configuration: Configuration = {
    adapter: memoryStore(),
    clients: [
      {
        client_id: clientId,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [...options.webOrigins.map((origin) => `${origin}/auth/callback`), tokenScriptRedirectUri],
      },
    ],
    clientBasedCORS: (_ctx, origin, client) => (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    jwks: { keys: [issuerSigningKey(join(options.dataDir, 'identity', `${audience}-signing-key.json`))] },
    // sessions live in memory, so the cookie keys need not outlive the process either
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: [...claimNames[audience]], profile: ['name'], ...(audience === 'citizen' ? { phone: ['phone_number'] } : {}) },
    // every claim in the ID token, as Cognito does, not only in userinfo
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    features: { devInteractions: { enabled: false } },
    findAccount,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(issuerNames[audience], String(out.error), out.error_description ? String(out.error_description) : undefined);
    },
  };
  const provider = new Provider(issuer, configuration);
  const interactions = new Interactions(audience, provider, options.outboxFile, shared, signedIn);
  const providerCallback = provider.callback();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      interactions.handle(request, response, url).catch(() => {
        if (!response.headersSent) send(response, 500, errorPage(issuerNames[audience], 'server_error', undefined));
      });
      return;
    }
    void providerCallback(request, response);
  });
  await listenOn(server, port);
  const running = { audience, issuer, port, clientId };
  return { issuer, clientId, server, running };
}

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16 * 1024) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

interface OutboxSignInCode {
  readonly kind: 'sign-in-code';
  readonly audience: SignInAudience;
  readonly phone: string;
  readonly code: string;
  readonly expiresAt: string;
  readonly text: string;
  readonly sentAt: string;
  readonly tenantId?: string;
  readonly staffId?: string;
}

/**
 * The sign-in steps of one issuer: who (a phone, or county + 工号), then the code. The account being signed in is
 * kept per interaction, server-side; the interaction itself is the one the provider's cookie names, so a link with
 * another interaction's id reaches nothing.
 */
class Interactions {
  private readonly codes = new SignInCodes();
  private readonly pending = new Map<string, LocalAccount>();

  constructor(
    private readonly audience: SignInAudience,
    private readonly provider: Provider,
    private readonly outboxFile: string,
    private readonly shared: SharedState,
    private readonly signedIn: Map<string, LocalAccount>,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const [, , uid, step] = url.pathname.split('/');
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await this.provider.interactionDetails(request, response);
    } catch {
      return send(response, 400, errorPage(issuerNames[this.audience], 'interaction_expired', 'the sign-in request is unknown or has expired'));
    }
    if (details.uid !== uid) return send(response, 400, errorPage(issuerNames[this.audience], 'interaction_mismatch', undefined));
    const base = `/interaction/${details.uid}`;
    if (details.prompt.name === 'consent' && details.session?.accountId) {
      // first-party apps of the same platform: nothing to ask, the grant covers what the app asked for
      return this.finish(request, response, details.session.accountId, details.params, { mergeWithLastSubmission: true });
    }
    if (request.method === 'GET' && step === undefined) return send(response, 200, this.firstStep(base));
    if (request.method !== 'POST') return send(response, 405, errorPage(issuerNames[this.audience], 'method_not_allowed', undefined));
    const form = await formOf(request);
    if (step === 'send') return this.sendCode(response, base, details.uid, form);
    if (step === 'resend') {
      const account = this.pending.get(details.uid);
      return account ? this.deliver(response, base, details.uid, account) : send(response, 400, this.firstStep(base, undefined, notSent));
    }
    if (step === 'verify') {
      const account = this.pending.get(details.uid);
      if (!account) return send(response, 400, this.firstStep(base, undefined, notSent));
      const result = this.codes.verify(accountKey(account), form.get('code') ?? '');
      if (result.kind !== 'accepted') return send(response, 400, this.codeStep(base, account, { error: codeRefusal(result) }));
      this.pending.delete(details.uid);
      const sub = this.shared.subjects.subjectOf(account);
      this.signedIn.set(sub, account);
      return this.finish(request, response, sub, details.params, { mergeWithLastSubmission: false });
    }
    return send(response, 404, errorPage(issuerNames[this.audience], 'not_found', undefined));
  }

  private firstStep(action: string, form?: URLSearchParams, error?: PageMessage): string {
    const issuerName = issuerNames[this.audience];
    return this.audience === 'citizen'
      ? citizenPhonePage({ action: `${action}/send`, issuerName, phone: form?.get('phone') ?? undefined, error })
      : staffAccountPage({
          action: `${action}/send`,
          issuerName,
          tenantId: form?.get('tenantId') ?? undefined,
          staffId: form?.get('staffId') ?? undefined,
          error,
        });
  }

  private codeStep(base: string, account: LocalAccount, message: { notice?: string; error?: PageMessage }): string {
    return codePage({
      verifyAction: `${base}/verify`,
      resendAction: `${base}/resend`,
      backHref: base,
      issuerName: issuerNames[this.audience],
      maskedPhone: maskPhone(phoneOf(account)),
      ...message,
    });
  }

  private async sendCode(response: ServerResponse, base: string, uid: string, form: URLSearchParams): Promise<void> {
    if (this.audience === 'citizen') {
      const phone = (form.get('phone') ?? '').trim().replace(/^\+?86/, '');
      if (!MOBILE_PHONE_PATTERN.test(phone)) {
        return send(response, 400, this.firstStep(base, form, { code: 'INVALID_PHONE', message: '请输入11位中国大陆手机号码，例如 13800000001。' }));
      }
      const realName = this.shared.directory.citizens.get(phone);
      return this.deliver(response, base, uid, { audience: 'citizen', phone, ...(realName ? { realName } : {}) });
    }
    const tenantId = (form.get('tenantId') ?? '').trim();
    const staffId = (form.get('staffId') ?? '').trim();
    if (!/^\d{6}$/.test(tenantId))
      return send(response, 400, this.firstStep(base, form, { code: 'INVALID_TENANT', message: '县（区）代码应为6位数字，例如 522732。' }));
    if (!staffId) return send(response, 400, this.firstStep(base, form, { code: 'MISSING_STAFF_ID', message: '请输入工号。' }));
    const staff = findStaff(this.shared.directory.staff, tenantId, staffId);
    if (!staff) {
      return send(
        response,
        400,
        this.firstStep(base, form, { code: 'UNKNOWN_STAFF', message: `县（区）${tenantId} 没有工号为 ${staffId} 的工作人员，请核对后重试。` }),
      );
    }
    return this.deliver(response, base, uid, { audience: 'staff', staff });
  }

  /** A new code to the account's phone, or, within a minute of the last one, that one still (the throttle). */
  private async deliver(response: ServerResponse, base: string, uid: string, account: LocalAccount): Promise<void> {
    this.pending.set(uid, account);
    const issued = this.codes.issue(accountKey(account));
    if (issued.kind === 'throttled') {
      const error = { code: 'RESEND_TOO_SOON', message: `验证码已发送，请使用刚收到的验证码，或${issued.retryAfterSeconds}秒后再重新获取。` };
      return send(response, 429, this.codeStep(base, account, { error }));
    }
    const phone = phoneOf(account);
    const expiresAt = new Date(issued.expiresAt).toISOString();
    const line: OutboxSignInCode = {
      kind: 'sign-in-code',
      audience: this.audience,
      phone,
      code: issued.code,
      expiresAt,
      text: `【通办】您的登录验证码为${issued.code}，15分钟内有效。如非本人操作，请忽略本短信。`,
      sentAt: new Date().toISOString(),
      ...(account.audience === 'staff' ? { tenantId: account.staff.tenantId, staffId: account.staff.staffId } : {}),
    };
    await appendFile(this.outboxFile, `${JSON.stringify(line)}\n`, 'utf8');
    const who = account.audience === 'staff' ? `staff ${account.staff.tenantId}/${account.staff.staffId}, ${phone}` : `citizen ${phone}`;
    this.shared.log(`✉ sign-in code ${issued.code} for ${who} (valid until ${expiresAt})`);
    return send(response, 200, this.codeStep(base, account, { notice: '验证码已发送，请查收短信。' }));
  }

  private async finish(
    request: IncomingMessage,
    response: ServerResponse,
    accountId: string,
    params: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void> {
    const grant = new this.provider.Grant({ accountId, clientId: String(params.client_id) });
    grant.addOIDCScope(String(params.scope ?? 'openid'));
    const result: InteractionResults = { login: { accountId, amr: ['sms'] }, consent: { grantId: await grant.save() } };
    await this.provider.interactionFinished(request, response, result, options);
  }
}

const notSent: PageMessage = { code: 'CODE_NOT_SENT', message: '请先获取验证码。' };

const phoneOf = (account: LocalAccount): string => (account.audience === 'staff' ? account.staff.phone : account.phone);
