import { committedOpenApiValidator, responseValidationEnabled } from '../support/openapi-validator';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { functionDefinitions } from '../../infra/definitions/functions';
import type { RouteAudience } from '../../infra/definitions/functions/definition';
import { aPlanningApplication } from '../support/fixtures';
import { aPlatformForThisFile, asCitizen, asStaffMember } from './support/platform';

/*
 * Hostile input on every route, signed in as each route's audience: bad ids, bad bodies and bad query strings get a
 * clear 4xx with a code and a bilingual message, never a 5xx; and a citizen route and a staff route answer anything
 * but a genuine token of their audience (none, garbage, forged, the other audience's) with 401 UNAUTHENTICATED.
 */

const KNOWN_TENANT = '522732';
const UNKNOWN_TENANT = '999999';

/** A real-name citizen of config/local/citizens.yaml: citizen routes are called with their token. */
const CITIZEN_PHONE = '13800000001';

/**
 * Who calls each staff route (config/local/staff.yaml), with a role docs/permissions.md lets through, so the hostile
 * input reaches the route's own checks instead of stopping at a role refusal.
 */
const staffCallerOf: Readonly<Record<string, string>> = {
  FileCaseAtWindow: 'CK-01',
  GetCaseForStaff: 'CK-01',
  DecideAcceptance: 'CK-01',
  ListExaminationQueue: 'CK-01',
  ListHandoverQueue: 'CK-01',
  ListOpenCases: 'JC-001',
  WindowRequestMaterialUpload: 'CK-01',
  WindowCompleteMaterialUpload: 'CK-01',
  ListCaseMaterialsForStaff: 'CK-01',
  GetMaterialDownload: 'CK-01',
  HandOverResult: 'CK-01',
  VerifyCommitment: 'GTJ-007',
  ClaimTask: 'GTJ-007',
  DecideTask: 'GTJ-007',
  RecordRectificationStep: 'GTJ-007',
  ListDepartmentTasks: 'JC-001',
  ListRectifications: 'JC-001',
  GetRectification: 'JC-001',
  GetSupervisionDashboard: 'JC-001',
  GetStaffMonthly: 'JC-001',
  QueryAudit: 'JC-001',
};

/** The same 工号 in a county the platform does not know, so a call there is past sign-in and meets the unknown tenant. */
const unknownCountyStaff = [
  { tenantId: UNKNOWN_TENANT, staffId: 'CK-01', name: '窗口测试', role: 'window', phone: '13900099901' },
  { tenantId: UNKNOWN_TENANT, staffId: 'GTJ-007', name: '承办测试', role: 'handler', deptId: 'GTJ', phone: '13900099902' },
  { tenantId: UNKNOWN_TENANT, staffId: 'JC-001', name: '督查测试', role: 'supervisor', phone: '13900099903' },
] as const;

interface Route {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly audience: RouteAudience;
}

/** Every HTTP route of the platform, with each path parameter filled by `value`. */
const routes = (value: (name: string) => string): Route[] =>
  functionDefinitions.flatMap((definition) =>
    definition.trigger.kind === 'http'
      ? [
          {
            id: definition.id,
            method: definition.trigger.method,
            path: definition.trigger.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name))),
            audience: definition.trigger.audience,
          },
        ]
      : [],
  );

const hostileBodies = [
  '',
  '{',
  '[]',
  'null',
  '"text"',
  '{"decision":42,"itemCode":[],"applicant":"x","formData":7}',
  JSON.stringify({ a: 'x'.repeat(200_000) }),
];

type Reply = { status: number; body: { code?: string; message?: string; messageZh?: string; messageEn?: string; requestId?: string } };

describe('given every route of the platform and hostile input', () => {
  const running = aPlatformForThisFile([], { staff: unknownCountyStaff });

  const send = async (method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> => {
    const response = await fetch(`${running.platform.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body }),
    });
    // a page (the API docs) answers HTML; errors are always JSON, so a non-JSON error fails the checks below
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const json = contentType.includes('json');
    const parsed = json ? (JSON.parse(text) as Reply['body']) : {};
    // every hostile answer is also one the published contract documents (status, and the error envelope with its code)
    if (responseValidationEnabled()) committedOpenApiValidator().assert({ method, path, status: response.status, body: json ? parsed : text, contentType });
    return { status: response.status, body: parsed };
  };

  /** The route's audience signed in: nobody on a public route, the citizen, or the route's member of staff of the path's county. */
  const signedInFor = async (route: Route, tenantId: string): Promise<Record<string, string>> => {
    if (route.audience === 'public') return {};
    if (route.audience === 'citizen') return asCitizen(running, CITIZEN_PHONE);
    const staffId = staffCallerOf[route.id];
    if (!staffId) throw new Error(`staff route ${route.id} has no caller in staffCallerOf: say who may call it (docs/permissions.md)`);
    // a malformed county in the path is refused before anyone's county is compared: any county's token will do
    return asStaffMember(running, /^\d{6}$/.test(tenantId) ? tenantId : KNOWN_TENANT, staffId);
  };

  it.each([
    ['unknown ids in a known tenant', (name: string) => (name === 'tenantId' ? KNOWN_TENANT : '01ARZ3NDEKTSV4RRFFQ69G5FAV')],
    ['malformed ids', (name: string) => (name === 'tenantId' ? '52273x' : '../../etc/passwd')],
    ['an unknown tenant', (name: string) => (name === 'tenantId' ? UNKNOWN_TENANT : 'GTGH-0001')],
  ])(
    'when called signed in as the route’s audience with %s and malformed bodies, then every answer is a 4xx with a code and a bilingual message, never a 5xx',
    async (_label, value) => {
      for (const route of routes(value)) {
        const headers = await signedInFor(route, value('tenantId'));
        for (const body of route.method === 'GET' ? [undefined] : hostileBodies) {
          const reply = await send(route.method, `${route.path}?status=nonsense&limit=-1&start=x&days=y`, headers, body);
          const where = `${route.method} ${route.path} ${String(body).slice(0, 40)}`;
          expect({ where, status: reply.status < 500 }).toEqual({ where, status: true });
          // signed in as the route wants, so the answer is about the input, not about the sign-in
          expect({ where, code: reply.body.code }).not.toEqual({ where, code: 'UNAUTHENTICATED' });
          if (reply.status >= 400)
            expect({ where, code: typeof reply.body.code, bilingual: / \/ /.test(String(reply.body.message)) }).toEqual({
              where,
              code: 'string',
              bilingual: true,
            });
        }
      }
    },
  );

  describe('when a citizen route and a staff route get no token, a malformed one, a forged one or the other audience’s', () => {
    const citizenRoute = { method: 'POST', path: `/v1/tenants/${KNOWN_TENANT}/cases`, body: JSON.stringify(aPlanningApplication()) };
    const staffRoute = {
      method: 'POST',
      path: `/v1/tenants/${KNOWN_TENANT}/cases/01ARZ3NDEKTSV4RRFFQ69G5FAV/acceptance`,
      body: JSON.stringify({ decision: 'accept' }),
    };

    /** The Authorization headers that are not a genuine token of `genuine`'s audience, each named for the report. */
    async function notATokenOf(genuine: string, otherAudience: string): Promise<Record<string, Record<string, string>>> {
      const token = genuine.replace(/^Bearer /, '');
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = decodeJwt(token);
      const { kid } = decodeProtectedHeader(token);
      const { privateKey } = await generateKeyPair('RS256');
      const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return {
        'no Authorization header': {},
        'an empty Bearer': { authorization: 'Bearer ' },
        'a Bearer of garbage': { authorization: 'Bearer definitely-not-a-jwt' },
        'three empty segments': { authorization: 'Bearer ..' },
        'segments that are not base64 JSON': { authorization: 'Bearer a.b.c' },
        'Basic credentials': { authorization: `Basic ${Buffer.from('CK-01:password').toString('base64')}` },
        'the old x-staff-* headers alone': { 'x-staff-id': 'CK-01', 'x-staff-role': 'window', 'x-staff-dept': 'GTJ' },
        'the genuine token with its payload changed': {
          authorization: `Bearer ${header}.${base64url({ ...claims, 'cognito:groups': ['admin'], 'custom:idDigest': '0'.repeat(64) })}.${signature}`,
        },
        'the genuine token without its signature': { authorization: `Bearer ${header}.${payload}.` },
        'the same claims signed with another key under the issuer’s kid': {
          authorization: `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) }).sign(privateKey)}`,
        },
        'the same claims unsigned (alg none)': { authorization: `Bearer ${base64url({ alg: 'none', typ: 'JWT', kid })}.${payload}.` },
        'a genuine token of the other audience': { authorization: otherAudience },
      };
    }

    it.each([
      ['the citizen route (online filing)', citizenRoute, 'citizen'],
      ['the staff route (acceptance decision)', staffRoute, 'staff'],
    ] as const)('then %s answers each with 401 UNAUTHENTICATED in both languages, and a genuine token passes', async (_label, route, audience) => {
      const citizen = (await asCitizen(running, CITIZEN_PHONE)).authorization;
      const staff = (await asStaffMember(running, KNOWN_TENANT, 'CK-01')).authorization;
      const [genuine, other] = audience === 'citizen' ? [citizen, staff] : [staff, citizen];

      for (const [why, headers] of Object.entries(await notATokenOf(genuine, other))) {
        const reply = await send(route.method, route.path, headers, route.body);
        expect({ why, status: reply.status, body: reply.body }).toEqual({
          why,
          status: 401,
          body: {
            code: 'UNAUTHENTICATED',
            message: '请先登录 / Sign-in required',
            messageZh: '请先登录',
            messageEn: 'Sign-in required',
            requestId: expect.any(String),
          },
        });
      }
      // the genuine token of the route's audience gets past sign-in, so every refusal above is about the token alone
      const passed = await send(route.method, route.path, { authorization: genuine }, route.body);
      expect({ status: passed.status, code: passed.body.code }).not.toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    });
  });
});
