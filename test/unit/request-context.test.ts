import { ValidationError } from '../../functions/shared/errors';
import { requestContextFrom } from '../../functions/shared/request-context';
import { staffClaims, TRUST_STAFF_HEADERS_VARIABLE } from '../../functions/shared/staff-claims';

const handlerHeaders = { 'x-staff-id': 'GTJ-007', 'x-staff-role': 'handler', 'x-staff-dept': 'GTJ' };

describe('given a request to a tenant route on the local platform (staff headers stand in for a sign-in)', () => {
  beforeEach(() => {
    process.env[TRUST_STAFF_HEADERS_VARIABLE] = 'true';
  });
  afterEach(() => {
    delete process.env[TRUST_STAFF_HEADERS_VARIABLE];
  });

  it('when no staff headers are sent, then the caller is not staff (an applicant or the public)', () => {
    expect(requestContextFrom('522732', 'r1', {}).staff).toBeUndefined();
  });

  it('when a handler of a department identifies, then the context names the person, role and department', () => {
    expect(requestContextFrom('522732', 'r1', handlerHeaders).staff).toEqual({ staffId: 'GTJ-007', role: 'handler', deptId: 'GTJ' });
  });

  it.each([[{ 'x-staff-id': 'GTJ-007' }], [{ 'x-staff-id': 'GTJ-007', 'x-staff-role': 'mayor' }], [{ 'x-staff-id': '张三', 'x-staff-role': 'handler' }]])(
    'when the staff headers are incomplete or malformed (%j), then it is refused as INVALID_STAFF_IDENTITY',
    (headers) => {
      expect(() => requestContextFrom('522732', 'r1', headers)).toThrow(expect.objectContaining({ code: 'INVALID_STAFF_IDENTITY' }) as ValidationError);
    },
  );
});

describe('given a request on AWS (no header trust)', () => {
  const claims = { [staffClaims.tenantId]: '522732', [staffClaims.staffId]: 'GTJ-007', [staffClaims.role]: 'department_head', [staffClaims.deptId]: 'GTJ' };

  it('when someone sends staff headers without a verified token, then they are not staff', () => {
    expect(requestContextFrom('522732', 'r1', handlerHeaders).staff).toBeUndefined();
  });

  it('when the staff authorizer verified a token, then the identity is the claims, whatever the headers say', () => {
    expect(requestContextFrom('522732', 'r1', { ...handlerHeaders, 'x-staff-role': 'admin' }, claims).staff).toEqual({
      staffId: 'GTJ-007',
      role: 'department_head',
      deptId: 'GTJ',
    });
  });

  it('when the token belongs to staff of another county, then the request is refused with 403 STAFF_OF_OTHER_TENANT', () => {
    expect(() => requestContextFrom('630103', 'r1', {}, claims)).toThrow(expect.objectContaining({ code: 'STAFF_OF_OTHER_TENANT' }));
  });

  it('when the token lacks a role, then it is refused as INVALID_STAFF_IDENTITY', () => {
    expect(() => requestContextFrom('522732', 'r1', {}, { ...claims, [staffClaims.role]: undefined })).toThrow(
      expect.objectContaining({ code: 'INVALID_STAFF_IDENTITY' }),
    );
  });
});
