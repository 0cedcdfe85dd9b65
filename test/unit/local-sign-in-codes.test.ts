import { codeRefusal, SignInCodes, signInCodeRules } from '../../infra/local/sign-in-codes';

/* The one-time codes of the local identity provider: 15 minutes, five wrong tries, one resend a minute. */

const aClock = () => {
  let now = Date.parse('2026-12-01T09:00:00Z');
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('given a code sent to an account', () => {
  it('when the right code is entered within 15 minutes, then it is accepted once', () => {
    const clock = aClock();
    const codes = new SignInCodes({ now: clock.now, newCode: () => '123456' });
    expect(codes.issue('citizen|13800000001')).toEqual({ kind: 'issued', code: '123456', expiresAt: clock.now() + 15 * 60_000 });
    clock.advance(14 * 60_000);
    expect(codes.verify('citizen|13800000001', ' 123456 ')).toEqual({ kind: 'accepted' });
    expect(codes.verify('citizen|13800000001', '123456')).toEqual({ kind: 'none' });
  });

  it('when more than 15 minutes passed, then the code has expired', () => {
    const clock = aClock();
    const codes = new SignInCodes({ now: clock.now, newCode: () => '123456' });
    codes.issue('a');
    clock.advance(signInCodeRules.validMs + 1);
    expect(codes.verify('a', '123456')).toEqual({ kind: 'expired' });
  });

  it('when a wrong code is entered five times, then the fifth locks it and the sixth try fails even with the right code', () => {
    const codes = new SignInCodes({ now: aClock().now, newCode: () => '123456' });
    codes.issue('a');
    expect([1, 2, 3, 4].map(() => codes.verify('a', '000000'))).toEqual([4, 3, 2, 1].map((triesLeft) => ({ kind: 'wrong', triesLeft })));
    expect(codes.verify('a', '000000')).toEqual({ kind: 'locked' });
    expect(codes.verify('a', '123456')).toEqual({ kind: 'locked' });
  });

  it('when a new code is asked for within 60 seconds, then it is refused with the seconds left; after that a new code replaces the old', () => {
    const clock = aClock();
    let next = 0;
    const codes = new SignInCodes({ now: clock.now, newCode: () => ['111111', '222222'][next++] as string });
    codes.issue('a');
    clock.advance(20_000);
    expect(codes.issue('a')).toEqual({ kind: 'throttled', retryAfterSeconds: 40 });
    clock.advance(40_000);
    expect(codes.issue('a')).toMatchObject({ kind: 'issued', code: '222222' });
    expect(codes.verify('a', '111111')).toEqual({ kind: 'wrong', triesLeft: 4 });
    expect(codes.verify('a', '222222')).toEqual({ kind: 'accepted' });
  });

  it('when the last code was used, then the next sign-in gets a new code at once', () => {
    const codes = new SignInCodes({ now: aClock().now, newCode: () => '123456' });
    codes.issue('a');
    codes.verify('a', '123456');
    expect(codes.issue('a')).toMatchObject({ kind: 'issued' });
  });

  it('when codes are issued without a stub, then they are six digits', () => {
    const codes = new SignInCodes();
    const issued = codes.issue('a');
    expect(issued.kind === 'issued' && /^\d{6}$/.test(issued.code)).toBe(true);
  });
});

describe('given a refused code', () => {
  it('then the page says why in Chinese', () => {
    expect(codeRefusal({ kind: 'wrong', triesLeft: 2 })).toEqual({ code: 'CODE_WRONG', message: '验证码不正确，还可以再试2次。' });
    expect(codeRefusal({ kind: 'locked' }).message).toContain('已连续输错5次');
    expect(codeRefusal({ kind: 'expired' }).message).toContain('已过期');
    expect(codeRefusal({ kind: 'none' }).message).toBe('请先获取验证码。');
  });
});
