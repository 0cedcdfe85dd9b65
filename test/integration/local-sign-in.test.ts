import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { nationalIdDigest } from '../../functions/kernel/applicant';
import { startLocalIdentity } from '../../infra/local/identity-provider';
import { type LocalSignInEndpoints, openSignInCode, SignInBrowser, signInCitizen, signInStaff } from '../../infra/local/sign-in';
import { aPlatformForThisFile, asCitizen, asStaffMember, removeDataDirectory } from './support/platform';

/*
 * Signing in on the local platform as on AWS: the two local OpenID Providers (citizens, staff) run the real
 * authorization code + PKCE flow with one-time codes sent to the SMS outbox; their ID tokens verify against the
 * issuers' JWKS and carry the contract's claims; the local HTTP API lets a token through only where API Gateway's
 * JWT authorizer would, and hands the handler the claims in the gateway's event shape.
 */

const extraHead = { tenantId: '522732', staffId: 'IT-HEAD', name: '测试负责人', role: 'department_head', deptId: 'SJJ', phone: '13900001111' } as const;
const extraCitizen = {
  phone: '13700000001',
  name: '测试申请人',
  idType: '居民身份证',
  idNumber: '522732200006010007',
  subjectType: 'person',
  trustLevel: 'L3',
} as const;
const running = aPlatformForThisFile([], { staff: [extraHead], citizens: [extraCitizen] });

const endpoints = (): LocalSignInEndpoints => ({
  citizenIssuer: running.platform.identity.citizen.issuer,
  staffIssuer: running.platform.identity.staff.issuer,
  outboxFile: running.platform.identity.outboxFile,
});

/** Verifies as any relying party would: the issuer's discovery document, its JWKS, issuer and audience. */
async function verified(token: string, issuer: string, audience: string): Promise<JWTPayload> {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string; issuer: string };
  expect(discovery.issuer).toBe(issuer);
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer, audience, algorithms: ['RS256'] });
  return payload;
}

const outboxLines = (): Record<string, unknown>[] =>
  readFileSync(running.platform.identity.outboxFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('given the local platform with its citizen and staff identity providers', () => {
  it('when a real-name citizen signs in with their phone and the code from the outbox, then the ID token verifies and carries the contract claims', async () => {
    // Act
    const token = await signInCitizen({ endpoints: endpoints(), phone: '13800000001' });

    // Assess
    const claims = await verified(token, endpoints().citizenIssuer, 'tongban-portal');
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(claims).toMatchObject({
      name: '潘阿妹',
      phone_number: '+8613800000001',
      'custom:trustLevel': 'L3',
      'custom:subjectType': 'person',
      'custom:idDigest': nationalIdDigest('居民身份证', '522732199001010002'),
    });
    expect(claims['custom:idDigest']).toMatch(/^[0-9a-f]{64}$/);
    expect(claims.sub).toMatch(ULID);
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    const sent = outboxLines().filter((line) => line.kind === 'sign-in-code' && line.phone === '13800000001');
    expect(sent.at(-1)).toMatchObject({ audience: 'citizen', code: expect.stringMatching(/^\d{6}$/), text: expect.stringContaining('验证码') });
    const last = sent.at(-1) as { sentAt: string; expiresAt: string };
    expect(Date.parse(last.expiresAt) - Date.parse(last.sentAt)).toBeCloseTo(15 * 60_000, -2);
  });

  it('when an organisation or an account added for the tests signs in, then its token says so', async () => {
    const organisation = await verified(await signInCitizen({ endpoints: endpoints(), phone: '13800000003' }), endpoints().citizenIssuer, 'tongban-portal');
    expect(organisation).toMatchObject({ 'custom:subjectType': 'organisation', 'custom:idDigest': nationalIdDigest('统一社会信用代码', '91522732TEST00001X') });

    const added = decodeJwt(await signInCitizen({ endpoints: endpoints(), phone: extraCitizen.phone }));
    expect(added).toMatchObject({ name: '测试申请人', 'custom:idDigest': nationalIdDigest('居民身份证', extraCitizen.idNumber) });
  });

  it('when a phone not on the list signs in, then it is a self-registered L2 person without a name or ID digest', async () => {
    const claims = await verified(await signInCitizen({ endpoints: endpoints(), phone: '13912345678' }), endpoints().citizenIssuer, 'tongban-portal');
    expect(claims).toMatchObject({ 'custom:trustLevel': 'L2', 'custom:subjectType': 'person', phone_number: '+8613912345678' });
    expect(claims).not.toHaveProperty('custom:idDigest');
    expect(claims).not.toHaveProperty('name');
  });

  it('when an account signs in again, even from a provider started anew on the same data directory, then its sub and the signing key are the same', async () => {
    // Prepare
    const first = decodeJwt(await signInCitizen({ endpoints: endpoints(), phone: '13800000002' }));
    const outboxDir = mkdtempSync(join(tmpdir(), 'tongban-idp-'));
    const restarted = await startLocalIdentity({
      dataDir: running.dataDir,
      outboxFile: join(outboxDir, 'outbox.jsonl'),
      ports: { citizen: 0, staff: 0 },
      webOrigins: [],
    });
    try {
      // Act
      const again = await signInCitizen({
        endpoints: { citizenIssuer: restarted.citizen.issuer, staffIssuer: restarted.staff.issuer, outboxFile: join(outboxDir, 'outbox.jsonl') },
        phone: '13800000002',
      });

      // Assess
      expect(decodeJwt(again).sub).toBe(first.sub);
      const jwks = async (issuer: string) => ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
      expect(await jwks(restarted.citizen.issuer)).toEqual(await jwks(endpoints().citizenIssuer));
    } finally {
      await restarted.stop();
      removeDataDirectory(outboxDir);
    }
    const subjects = readFileSync(join(running.dataDir, 'identity', 'subjects.json'), 'utf8');
    expect(subjects).toContain(first.sub as string);
    expect(subjects).not.toContain('13800000002');
    expect(first.sub).not.toContain('13800000002');
  });

  it('when a member of staff signs in with county and 工号, then the code goes to their phone and the token carries county, 工号, role and department', async () => {
    // Act (the 工号 as a person might type it)
    const token = await signInStaff({ endpoints: endpoints(), tenantId: '522732', staffId: 'gtj-007' });

    // Assess
    const claims = await verified(token, endpoints().staffIssuer, 'tongban-workbench');
    expect(claims).toMatchObject({
      'custom:tenantId': '522732',
      'custom:staffId': 'GTJ-007',
      'cognito:groups': ['handler'],
      'custom:deptId': 'GTJ',
      name: '韦国华',
    });
    expect(claims.sub).toMatch(ULID);
    expect(
      outboxLines()
        .filter((line) => line.kind === 'sign-in-code' && line.staffId === 'GTJ-007')
        .at(-1),
    ).toMatchObject({
      audience: 'staff',
      tenantId: '522732',
      phone: '13985270011',
    });

    const added = decodeJwt(await signInStaff({ endpoints: endpoints(), tenantId: '522732', staffId: 'IT-HEAD' }));
    expect(added).toMatchObject({ 'cognito:groups': ['department_head'], 'custom:deptId': 'SJJ' });
  });

  it('when the county and 工号 match no account, then the sign-in is refused with a clear Chinese message', async () => {
    await expect(signInStaff({ endpoints: endpoints(), tenantId: '630103', staffId: 'GTJ-007' })).rejects.toMatchObject({
      code: 'UNKNOWN_STAFF',
      message: '县（区）630103 没有工号为 GTJ-007 的工作人员，请核对后重试。',
    });
    await expect(signInCitizen({ endpoints: endpoints(), phone: '1380000' })).rejects.toMatchObject({ code: 'INVALID_PHONE' });
  });

  it('when wrong codes are entered, then each is refused with the tries left, the fifth locks the code and a sixth try fails even with the right code', async () => {
    // Prepare
    const browser = await SignInBrowser.open(endpoints(), 'citizen');
    expect((await browser.requestCode({ phone: '13800000004' })).refusal).toBeUndefined();
    const code = openSignInCode(endpoints().outboxFile, { audience: 'citizen', phone: '13800000004' }) as string;
    const wrong = code === '000000' ? '111111' : '000000';

    // Act
    const refusals = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) refusals.push(await browser.submitCode(wrong));
    const sixth = await browser.submitCode(code);

    // Assess
    expect(refusals.slice(0, 4)).toEqual([4, 3, 2, 1].map((left) => ({ refusal: { code: 'CODE_WRONG', message: `验证码不正确，还可以再试${left}次。` } })));
    expect(refusals[4]).toEqual({ refusal: { code: 'CODE_LOCKED', message: '验证码已连续输错5次，已失效，请重新获取验证码。' } });
    expect(sixth).toEqual(refusals[4]);
    // and a new code is not sent within the minute
    expect(await browser.resendCode()).toMatchObject({ status: 429, refusal: { code: 'RESEND_TOO_SOON', message: expect.stringContaining('秒后再重新获取') } });
  });

  it('when a new code is asked for within a minute, then none is sent but the code already sent still signs the person in', async () => {
    const browser = await SignInBrowser.open(endpoints(), 'staff');
    await browser.requestCode({ tenantId: '630103', staffId: 'SCJG-007' });
    const before = outboxLines().length;
    expect((await browser.resendCode()).refusal?.code).toBe('RESEND_TOO_SOON');
    expect(outboxLines()).toHaveLength(before);
    const signedIn = await browser.submitCode(openSignInCode(endpoints().outboxFile, { audience: 'staff', tenantId: '630103', staffId: 'SCJG-007' }) as string);
    expect(decodeJwt((signedIn as { idToken: string }).idToken)).toMatchObject({ 'custom:tenantId': '630103', 'custom:deptId': 'SCJG' });
  });
});

describe('given the local HTTP API in front of the handlers', () => {
  const staffRoute = '/v1/tenants/522732/departments/GTJ/tasks';
  const staffKey = async () => {
    const jwk = JSON.parse(readFileSync(join(running.dataDir, 'identity', 'staff-signing-key.json'), 'utf8')) as JWK;
    return { key: await importJWK(jwk, 'RS256'), kid: jwk.kid as string };
  };
  /** A token as the staff issuer would sign it, with the claims and times changed. */
  const aStaffToken = async (change: { exp?: number; nbf?: number; aud?: string; key?: SigningKey }) => {
    const real = await staffKey();
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      'custom:tenantId': '522732',
      'custom:staffId': 'GTJ-007',
      'cognito:groups': ['handler'],
      'custom:deptId': 'GTJ',
      ...(change.nbf ? { nbf: change.nbf } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: real.kid })
      .setSubject('01FORGED0000000000000000000')
      .setIssuer(endpoints().staffIssuer)
      .setAudience(change.aud ?? 'tongban-workbench')
      .setIssuedAt(now - 60)
      .setExpirationTime(change.exp ?? now + 600)
      .sign(change.key ?? real.key);
  };
  const get = async (path: string, authorization?: string) => {
    const response = await fetch(`${running.platform.url}${path}`, authorization ? { headers: { authorization } } : {});
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, wwwAuthenticate: response.headers.get('www-authenticate') };
  };

  afterEach(() => jest.restoreAllMocks());

  it('when a staff route is called without a token, then it answers 401 in the platform error shape', async () => {
    const reply = await get(staffRoute);
    expect(reply).toMatchObject({ status: 401, wwwAuthenticate: 'Bearer' });
    expect(reply.body).toEqual({
      code: 'UNAUTHENTICATED',
      message: '请先登录 / Sign-in required',
      messageZh: '请先登录',
      messageEn: 'Sign-in required',
      requestId: expect.any(String),
    });
  });

  it('when the token is expired, not yet valid, for another app client, forged or tampered with, then the staff route answers 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const genuine = (await asStaffMember(running, '522732', 'GTJ-007')).authorization as string;
    const [header, payload, signature] = genuine.replace('Bearer ', '').split('.') as [string, string, string];
    const elevated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), 'cognito:groups': ['admin'] })).toString(
      'base64url',
    );

    const tokens = {
      expired: await aStaffToken({ exp: now - 5 }),
      'not yet valid': await aStaffToken({ nbf: now + 300 }),
      'another client': await aStaffToken({ aud: 'some-other-app' }),
      'signed with another key under the same kid': await aStaffToken({ key: otherKey }),
      'tampered payload': `${header}.${elevated}.${signature}`,
      'not a JWT': 'definitely-not-a-jwt',
    };
    for (const [why, token] of Object.entries(tokens)) {
      const reply = await get(staffRoute, `Bearer ${token}`);
      expect({ why, status: reply.status, code: reply.body.code }).toEqual({ why, status: 401, code: 'UNAUTHENTICATED' });
      expect(reply.wwwAuthenticate).toContain('error="invalid_token"');
    }
    // the same issuer's genuine token passes, so the refusals above are about the changes alone
    expect((await get(staffRoute, genuine)).status).not.toBe(401);
  });

  it('when a citizen token comes to a staff route or a staff token to a citizen route, then the route answers 401', async () => {
    const citizen = (await asCitizen(running, '13800000001')).authorization;
    const staff = (await asStaffMember(running, '522732', 'GTJ-007')).authorization;
    expect((await get(staffRoute, citizen)).status).toBe(401);
    expect((await get('/v1/tenants/522732/cases/01JAAAAAAAAAAAAAAAAAAAAAAA', staff)).status).toBe(401);
  });

  it('when a valid staff token comes, then the handler gets its claims as API Gateway hands them over: strings, lists as [a b], no scopes', async () => {
    // Prepare
    const invoke = jest.spyOn(running.platform.host, 'invoke');
    const headers = await asStaffMember(running, '522732', 'GTJ-007');

    // Act
    const reply = await get(staffRoute, headers.authorization);

    // Assess
    expect(reply.status).toBe(200);
    const event = invoke.mock.calls.at(-1)?.[1] as { requestContext: { authorizer?: { jwt: { claims: Record<string, unknown>; scopes: unknown } } } };
    const jwt = event.requestContext.authorizer?.jwt;
    expect(jwt?.scopes).toEqual([]);
    expect(jwt?.claims).toMatchObject({
      iss: endpoints().staffIssuer,
      aud: 'tongban-workbench',
      'custom:tenantId': '522732',
      'custom:staffId': 'GTJ-007',
      'cognito:groups': '[handler]',
      'custom:deptId': 'GTJ',
      exp: expect.stringMatching(/^\d+$/),
    });
    expect(Object.values(jwt?.claims ?? {}).every((value) => typeof value === 'string')).toBe(true);
  });

  it('when a public route is called without a token or with any token, then it passes and no claims reach the handler', async () => {
    const invoke = jest.spyOn(running.platform.host, 'invoke');
    expect((await get('/v1/tenants/522732/items')).status).toBe(200);
    expect((await get('/v1/tenants/522732/items', 'Bearer not-even-a-jwt')).status).toBe(200);
    expect((await get('/v1/tenants/522732/items', (await asStaffMember(running, '522732', 'GTJ-007')).authorization)).status).toBe(200);
    for (const [, event] of invoke.mock.calls) expect((event as { requestContext: Record<string, unknown> }).requestContext).not.toHaveProperty('authorizer');
  });
});
