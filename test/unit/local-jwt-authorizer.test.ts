import { apiGatewayClaims, apiGatewayClaimValue, tokenOf } from '../../infra/local/jwt-authorizer';

/* The local JWT authorizer hands claims to the handlers as API Gateway's does: every value a string. */

describe('given the claims of a verified token', () => {
  it('when a claim is a string, then it reaches the handler unchanged', () => {
    expect(apiGatewayClaimValue('GTJ-007')).toBe('GTJ-007');
    expect(apiGatewayClaimValue('')).toBe('');
  });

  it('when a claim is a list (Cognito groups), then it is rendered as API Gateway does: [a b]', () => {
    expect(apiGatewayClaimValue(['handler'])).toBe('[handler]');
    expect(apiGatewayClaimValue(['window', 'admin'])).toBe('[window admin]');
    expect(apiGatewayClaimValue([])).toBe('[]');
  });

  it('when a claim is a number or a boolean, then it becomes its string form', () => {
    expect(apiGatewayClaimValue(1796173268)).toBe('1796173268');
    expect(apiGatewayClaimValue(true)).toBe('true');
  });

  it('when a claim is an object, then it is passed as JSON', () => {
    expect(apiGatewayClaimValue({ locality: '三都' })).toBe('{"locality":"三都"}');
  });

  it('when a whole token payload is flattened, then every value is a string', () => {
    const claims = apiGatewayClaims({ sub: '01J', 'cognito:groups': ['department_head'], exp: 1, iat: 0, 'custom:deptId': 'GTJ' });
    expect(claims).toEqual({ sub: '01J', 'cognito:groups': '[department_head]', exp: '1', iat: '0', 'custom:deptId': 'GTJ' });
    expect(Object.values(claims).every((value) => typeof value === 'string')).toBe(true);
  });
});

describe('given an Authorization header', () => {
  it('when it is "Bearer <token>" in any case, or the token alone, then the token is taken (as the gateway does)', () => {
    expect(tokenOf('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenOf('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenOf('abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('when it is missing or blank, then there is no token', () => {
    expect(tokenOf(undefined)).toBeUndefined();
    expect(tokenOf('   ')).toBeUndefined();
  });
});
