import { requestContextFrom } from '../../functions/shared/request-context';
import { environmentNames } from '../../functions/shared/environment-names';
import type { IdentitySettings } from '../../functions/shared/identity-settings';

const settings: IdentitySettings = {
  citizen: {
    issuer: 'https://id.province.example/citizen',
    audiences: ['tongban-portal'],
    claims: { subject: 'sub', trustLevel: 'custom:trustLevel', idDigest: 'custom:idDigest', subjectType: 'custom:subjectType', name: 'name' },
  },
  staff: {
    issuer: 'https://id.county.example/staff',
    audiences: ['tongban-workbench'],
    claims: { tenantId: 'custom:tenantId', staffId: 'custom:staffId', role: 'cognito:groups', deptId: 'custom:deptId', name: 'name' },
  },
};
const staffToken = {
  iss: settings.staff.issuer,
  aud: 'tongban-workbench',
  'custom:tenantId': '522732',
  'custom:staffId': 'GTJ-007',
  'cognito:groups': '[department_head]',
  'custom:deptId': 'GTJ',
};
const digest = 'a'.repeat(64);
const citizenToken = {
  iss: settings.citizen.issuer,
  aud: 'tongban-portal',
  sub: 'c-01',
  'custom:trustLevel': 'L3',
  'custom:idDigest': digest,
  'custom:subjectType': 'person',
};

beforeEach(() => {
  process.env[environmentNames.identitySettings] = JSON.stringify(settings);
});
afterEach(() => {
  delete process.env[environmentNames.identitySettings];
});

describe('given a request without a verified token', () => {
  it('when it reaches a route, then the caller is the public, whatever headers it sends', () => {
    const ctx = requestContextFrom('522732', 'r1');
    expect(ctx.principal).toEqual({ kind: 'public' });
    expect(ctx.staff).toBeUndefined();
  });
});

describe('given a verified staff ID token', () => {
  it('when its claims name the person, then the context is that member of staff with the role from the group list', () => {
    expect(requestContextFrom('522732', 'r1', staffToken).staff).toEqual({ staffId: 'GTJ-007', role: 'department_head', deptId: 'GTJ' });
  });

  it('when the group list holds a group that is no role, then the first known role counts', () => {
    expect(requestContextFrom('522732', 'r1', { ...staffToken, 'cognito:groups': '[county-522732 handler]' }).staff?.role).toBe('handler');
  });

  it('when the token belongs to staff of another county, then the request is refused with 403 STAFF_OF_OTHER_TENANT', () => {
    expect(() => requestContextFrom('630103', 'r1', staffToken)).toThrow(expect.objectContaining({ code: 'STAFF_OF_OTHER_TENANT' }));
  });

  it.each([[{ 'cognito:groups': undefined }], [{ 'cognito:groups': '[mayor]' }], [{ 'custom:staffId': '张三' }]])(
    'when the token lacks a valid identity (%j), then it is refused as INVALID_IDENTITY_CLAIMS',
    (change) => {
      expect(() => requestContextFrom('522732', 'r1', { ...staffToken, ...change })).toThrow(expect.objectContaining({ code: 'INVALID_IDENTITY_CLAIMS' }));
    },
  );
});

describe('given a verified citizen ID token', () => {
  it('when it is a real-name account, then the context is that citizen with level and ID digest', () => {
    expect(requestContextFrom('630103', 'r1', citizenToken).citizen).toEqual({ subject: 'c-01', subjectType: 'person', trustLevel: 'L3', idDigest: digest });
  });

  it('when the provider says nothing about the check, then the account counts as the lowest level without a digest', () => {
    expect(requestContextFrom('630103', 'r1', { iss: settings.citizen.issuer, aud: 'tongban-portal', sub: 'c-02' }).citizen).toEqual({
      subject: 'c-02',
      subjectType: 'person',
      trustLevel: 'L1',
    });
  });

  it('when a token of an unknown issuer arrives, then it is no sign-in: 401 UNAUTHENTICATED', () => {
    expect(() => requestContextFrom('522732', 'r1', { ...citizenToken, iss: 'https://elsewhere.example' })).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('when a citizen token carries staff claims, then it is still a citizen: roles come only from the staff issuer', () => {
    const ctx = requestContextFrom('522732', 'r1', { ...citizenToken, 'custom:tenantId': '522732', 'custom:staffId': 'X', 'cognito:groups': 'admin' });
    expect(ctx.principal.kind).toBe('citizen');
    expect(ctx.staff).toBeUndefined();
  });
});
