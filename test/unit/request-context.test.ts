import { ValidationError } from '../../functions/shared/errors';
import { requestContextFrom } from '../../functions/shared/request-context';

describe('given a request to a tenant route', () => {
  it('when no staff headers are sent, then the caller is not staff (an applicant or the public)', () => {
    expect(requestContextFrom('522732', 'r1', {}).staff).toBeUndefined();
  });

  it('when a handler of a department identifies, then the context names the person, role and department', () => {
    const ctx = requestContextFrom('522732', 'r1', { 'x-staff-id': 'GTJ-007', 'x-staff-role': 'handler', 'x-staff-dept': 'GTJ' });
    expect(ctx.staff).toEqual({ staffId: 'GTJ-007', role: 'handler', deptId: 'GTJ' });
  });

  it.each([
    [{ 'x-staff-id': 'GTJ-007' }],
    [{ 'x-staff-id': 'GTJ-007', 'x-staff-role': 'mayor' }],
    [{ 'x-staff-id': '张三', 'x-staff-role': 'handler' }],
  ])('when the staff headers are incomplete or malformed (%j), then it is refused as INVALID_STAFF_IDENTITY', (headers) => {
    expect(() => requestContextFrom('522732', 'r1', headers)).toThrow(expect.objectContaining({ code: 'INVALID_STAFF_IDENTITY' }) as ValidationError);
  });
});
