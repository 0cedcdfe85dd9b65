import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { identitySettingsSchema } from '../../functions/shared/identity-settings';
import { environmentNames } from '../../functions/shared/environment-names';
import { localEndpointsFile } from './endpoints-file';
import { localClientIds, type SignInAudience, signInScopes, tokenScriptRedirectUri } from './identity-provider';

/**
 * Signs in to the local identity providers the way a person in a browser would, over HTTP: the authorization request
 * with PKCE (S256), the sign-in pages (phone, or county + 工号), the one-time code read from the SMS outbox, the
 * redirect back with the authorization code, and the token request. Returns the ID token — what the web apps send
 * to the API as `Authorization: Bearer …`. Used by `npm run token` and by the integration tests; no shortcut into
 * the provider.
 */

/** Where a running local platform signs people in. */
export interface LocalSignInEndpoints {
  readonly citizenIssuer: string;
  readonly staffIssuer: string;
  /** The SMS outbox the codes are written to. */
  readonly outboxFile: string;
}

/** The platform is known either by its endpoints or by its data directory (whose endpoints file a running `npm start` writes). */
export type SignInTarget = { readonly endpoints: LocalSignInEndpoints } | { readonly dataDir: string };

/** The sign-in did not succeed; `code` is the page's refusal (`UNKNOWN_STAFF`, `CODE_LOCKED`, …) or the flow's step. */
export class SignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The endpoints in the file a running platform writes into its data directory; a clear error when none runs there. */
export function signInEndpointsOf(dataDir: string): LocalSignInEndpoints {
  const file = localEndpointsFile(dataDir);
  if (!existsSync(file)) {
    throw new SignInError(
      'PLATFORM_NOT_RUNNING',
      `本地平台未运行，请先执行 npm start / The local platform is not running (no ${file}): start it with npm start`,
    );
  }
  const endpoints = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | undefined>;
  const settingsText = endpoints[environmentNames.identitySettings];
  const outboxFile = endpoints[environmentNames.notificationOutboxFile];
  if (!settingsText || !outboxFile) {
    throw new SignInError(
      'PLATFORM_WITHOUT_SIGN_IN',
      '运行中的本地平台没有登录服务，请重启 npm start / The running platform has no sign-in: restart npm start',
    );
  }
  const settings = identitySettingsSchema.parse(JSON.parse(settingsText));
  return { citizenIssuer: settings.citizen.issuer, staffIssuer: settings.staff.issuer, outboxFile };
}

const endpointsOf = (target: SignInTarget): LocalSignInEndpoints => ('endpoints' in target ? target.endpoints : signInEndpointsOf(target.dataDir));

/** A citizen: a phone listed in config/local/citizens.yaml signs in as that real-name account, any other as a self-registered one. */
export async function signInCitizen(target: SignInTarget & { readonly phone: string }): Promise<string> {
  const endpoints = endpointsOf(target);
  const phone = target.phone.trim();
  return signIn(endpoints, 'citizen', { phone }, { audience: 'citizen', phone });
}

/** A member of staff of config/local/staff.yaml (or of the platform's `staffAccounts`), by county and 工号. */
export async function signInStaff(target: SignInTarget & { readonly tenantId: string; readonly staffId: string }): Promise<string> {
  const endpoints = endpointsOf(target);
  const tenantId = target.tenantId.trim();
  const staffId = target.staffId.trim();
  return signIn(endpoints, 'staff', { tenantId, staffId }, { audience: 'staff', tenantId, staffId });
}

async function signIn(endpoints: LocalSignInEndpoints, audience: SignInAudience, who: Record<string, string>, recipient: CodeRecipient): Promise<string> {
  const browser = await SignInBrowser.open(endpoints, audience);
  const sent = await browser.requestCode(who);
  // a code sent in the last minute is still the one to use (the resend throttle), so only other refusals stop here
  if (sent.refusal && sent.refusal.code !== 'RESEND_TOO_SOON') throw new SignInError(sent.refusal.code, sent.refusal.message);
  const code = openSignInCode(endpoints.outboxFile, recipient);
  if (!code) throw new SignInError('NO_CODE_IN_OUTBOX', `短信发件箱中没有验证码 / No sign-in code in ${endpoints.outboxFile}`);
  const done = await browser.submitCode(code);
  if ('refusal' in done) throw new SignInError(done.refusal.code, done.refusal.message);
  return done.idToken;
}

/** Whose code to look for in the outbox. */
export type CodeRecipient =
  { readonly audience: 'citizen'; readonly phone: string } | { readonly audience: 'staff'; readonly tenantId: string; readonly staffId: string };

interface OutboxLine {
  readonly kind?: string;
  readonly audience?: string;
  readonly phone?: string;
  readonly tenantId?: string;
  readonly staffId?: string;
  readonly code?: string;
  readonly expiresAt?: string;
}

const isFor = (line: OutboxLine, recipient: CodeRecipient): boolean =>
  line.kind === 'sign-in-code' &&
  line.audience === recipient.audience &&
  (recipient.audience === 'citizen'
    ? line.phone === recipient.phone
    : line.tenantId === recipient.tenantId && line.staffId?.toUpperCase() === recipient.staffId.toUpperCase());

/** The last code sent to the account, if it is still within its validity: the one just sent, or, within the resend minute, the one before. */
export function openSignInCode(outboxFile: string, recipient: CodeRecipient): string | undefined {
  if (!existsSync(outboxFile)) return undefined;
  const lines = readFileSync(outboxFile, 'utf8').split('\n').filter(Boolean).reverse();
  for (const text of lines) {
    let line: OutboxLine;
    try {
      line = JSON.parse(text) as OutboxLine;
    } catch {
      continue;
    }
    if (isFor(line, recipient)) return line.expiresAt && Date.parse(line.expiresAt) > Date.now() ? line.code : undefined;
  }
  return undefined;
}

/** The cookies a browser would keep for the issuer: the provider's interaction, resume and session cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (!pair || separator < 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** What a sign-in page refused, as it marks it for tools (`data-error-code`) and says it to people. */
export interface PageRefusal {
  readonly code: string;
  readonly message: string;
}

const refusalOf = (html: string): PageRefusal | undefined => {
  const found = /data-error-code="([^"]+)"[^>]*>([^<]*)</.exec(html);
  return found ? { code: found[1] as string, message: (found[2] as string).trim() } : undefined;
};

const formActionOf = (html: string, step: string): string | undefined => new RegExp(`action="([^"]*/${step})"`).exec(html)?.[1];

/**
 * One sign-in, step by step, as a browser goes through it: `open` sends the authorization request and loads the
 * sign-in page, `requestCode` fills in who, `submitCode` the code (and on success follows the redirects and
 * exchanges the authorization code for the tokens). Tests use the steps to try wrong codes and resends.
 */
export class SignInBrowser {
  private readonly jar = new CookieJar();
  private page = '';
  private readonly verifier = randomBytes(32).toString('base64url');
  private readonly state = randomBytes(16).toString('base64url');

  private constructor(
    private readonly issuer: string,
    private readonly audience: SignInAudience,
  ) {}

  static async open(endpoints: LocalSignInEndpoints, audience: SignInAudience): Promise<SignInBrowser> {
    const browser = new SignInBrowser(audience === 'citizen' ? endpoints.citizenIssuer : endpoints.staffIssuer, audience);
    const authorize = new URL('/auth', browser.issuer);
    Object.entries({
      client_id: localClientIds[audience],
      redirect_uri: tokenScriptRedirectUri,
      response_type: 'code',
      scope: signInScopes[audience],
      code_challenge: createHash('sha256').update(browser.verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: browser.state,
      nonce: randomBytes(16).toString('base64url'),
      prompt: 'login',
    }).forEach(([name, value]) => authorize.searchParams.set(name, value));
    const interaction = browser.location(await browser.request(authorize), 'authorize');
    browser.page = await (await browser.request(interaction)).text();
    return browser;
  }

  /** Step 1: the phone (citizens) or county + 工号 (staff); the provider sends the code to the account's phone. */
  async requestCode(who: Record<string, string>): Promise<{ readonly status: number; readonly refusal?: PageRefusal }> {
    return this.submitForm('send', who);
  }

  /** The page's 重新获取验证码 button. */
  async resendCode(): Promise<{ readonly status: number; readonly refusal?: PageRefusal }> {
    return this.submitForm('resend', {});
  }

  /** Step 2: the code; accepted, the browser goes back to the app with the authorization code, which is exchanged at once. */
  async submitCode(code: string): Promise<{ readonly idToken: string } | { readonly refusal: PageRefusal }> {
    const action = formActionOf(this.page, 'verify');
    if (!action) throw new SignInError('UNEXPECTED_PAGE', '验证码页面无法识别 / The code page was not recognised');
    const verified = await this.post(action, { code });
    if (verified.status < 300 || verified.status >= 400) {
      this.page = await verified.text();
      return { refusal: refusalOf(this.page) ?? { code: 'UNEXPECTED_RESPONSE', message: `HTTP ${verified.status}` } };
    }
    let next = this.location(verified, 'verify');
    for (let hops = 0; next.origin === new URL(this.issuer).origin && hops < 5; hops += 1) next = this.location(await this.request(next), 'resume');
    const error = next.searchParams.get('error');
    if (error) throw new SignInError(error, next.searchParams.get('error_description') ?? 'authorization refused');
    if (next.searchParams.get('state') !== this.state) throw new SignInError('STATE_MISMATCH', 'state mismatch');
    const authorizationCode = next.searchParams.get('code');
    if (!authorizationCode) throw new SignInError('NO_AUTHORIZATION_CODE', 'no authorization code in the redirect');
    // a public client proves itself with the PKCE verifier
    const tokens = await this.post('/token', {
      grant_type: 'authorization_code',
      code: authorizationCode,
      redirect_uri: tokenScriptRedirectUri,
      client_id: localClientIds[this.audience],
      code_verifier: this.verifier,
    });
    const body = (await tokens.json()) as { id_token?: string; error?: string; error_description?: string };
    if (!tokens.ok || !body.id_token) throw new SignInError(body.error ?? 'TOKEN_REQUEST_FAILED', body.error_description ?? `HTTP ${tokens.status}`);
    return { idToken: body.id_token };
  }

  private async submitForm(step: 'send' | 'resend', form: Record<string, string>): Promise<{ readonly status: number; readonly refusal?: PageRefusal }> {
    const action = formActionOf(this.page, step);
    if (!action) throw new SignInError('UNEXPECTED_PAGE', '登录页面无法识别 / The sign-in page was not recognised');
    const response = await this.post(action, form);
    this.page = await response.text();
    const refusal = refusalOf(this.page);
    return { status: response.status, ...(refusal ? { refusal } : {}) };
  }

  private async request(url: URL | string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: this.jar.header() } });
    } catch (error) {
      throw new SignInError(
        'PROVIDER_UNREACHABLE',
        `本地登录服务无法访问，请确认 npm start 正在运行 / The local sign-in at ${this.issuer} did not answer (${(error as Error).message}): is npm start running?`,
      );
    }
    this.jar.keep(response);
    return response;
  }

  private post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(new URL(path, this.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  private location(response: Response, step: string): URL {
    const target = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !target) {
      throw new SignInError('UNEXPECTED_RESPONSE', `登录流程异常（${step}）/ Sign-in went wrong at ${step}: HTTP ${response.status}`);
    }
    return new URL(target, this.issuer);
  }
}
