import { randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time SMS codes of the local identity provider, with the rules real portals apply: a code is valid for
 * 15 minutes, five wrong tries lock it, and a new one is sent no sooner than 60 seconds after the last. Kept in
 * memory: a restart forgets every code, as a code is only good for one short sign-in anyway.
 */
export const signInCodeRules = { validMs: 15 * 60_000, maxWrongTries: 5, resendAfterMs: 60_000, digits: 6 } as const;

interface IssuedCode {
  readonly code: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  wrongTries: number;
  used: boolean;
}

export type IssueResult =
  | { readonly kind: 'issued'; readonly code: string; readonly expiresAt: number }
  /** A code was sent less than a minute ago and is still open: that one is to be used, or a new one asked for later. */
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

export type VerifyResult =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'none' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'wrong'; readonly triesLeft: number };

export interface SignInCodeOptions {
  readonly now?: () => number;
  readonly newCode?: () => string;
}

const sixDigits = () => String(randomInt(0, 10 ** signInCodeRules.digits)).padStart(signInCodeRules.digits, '0');

/** Codes per account key (an account, not a browser session, so a new sign-in attempt cannot skip the throttle). */
export class SignInCodes {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly now: () => number;
  private readonly newCode: () => string;

  constructor(options: SignInCodeOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newCode = options.newCode ?? sixDigits;
  }

  issue(account: string): IssueResult {
    const now = this.now();
    const open = this.codes.get(account);
    if (open && !open.used && now - open.issuedAt < signInCodeRules.resendAfterMs) {
      return { kind: 'throttled', retryAfterSeconds: Math.ceil((open.issuedAt + signInCodeRules.resendAfterMs - now) / 1000) };
    }
    const issued: IssuedCode = { code: this.newCode(), issuedAt: now, expiresAt: now + signInCodeRules.validMs, wrongTries: 0, used: false };
    this.codes.set(account, issued);
    return { kind: 'issued', code: issued.code, expiresAt: issued.expiresAt };
  }

  verify(account: string, attempt: string): VerifyResult {
    const issued = this.codes.get(account);
    if (!issued || issued.used) return { kind: 'none' };
    if (issued.wrongTries >= signInCodeRules.maxWrongTries) return { kind: 'locked' };
    if (this.now() > issued.expiresAt) return { kind: 'expired' };
    const given = Buffer.from(attempt.trim());
    const expected = Buffer.from(issued.code);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      issued.used = true;
      return { kind: 'accepted' };
    }
    issued.wrongTries += 1;
    return issued.wrongTries >= signInCodeRules.maxWrongTries
      ? { kind: 'locked' }
      : { kind: 'wrong', triesLeft: signInCodeRules.maxWrongTries - issued.wrongTries };
  }
}

/** What the sign-in page says about a refused code, in Chinese. */
export function codeRefusal(result: Exclude<VerifyResult, { kind: 'accepted' }>): { code: string; message: string } {
  switch (result.kind) {
    case 'none':
      return { code: 'CODE_NOT_SENT', message: '请先获取验证码。' };
    case 'expired':
      return { code: 'CODE_EXPIRED', message: '验证码已过期（有效期15分钟），请重新获取。' };
    case 'locked':
      return { code: 'CODE_LOCKED', message: `验证码已连续输错${signInCodeRules.maxWrongTries}次，已失效，请重新获取验证码。` };
    case 'wrong':
      return { code: 'CODE_WRONG', message: `验证码不正确，还可以再试${result.triesLeft}次。` };
  }
}
