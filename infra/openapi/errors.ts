import type { ErrorStatus, RouteContract } from '../../functions/shared/api-contract';
import type { RouteAudience } from '../definitions/functions/definition';

/** What each error status means on this platform (functions/shared/http.ts `statusFor`), Chinese then English. */
export const errorStatusMeaning: Readonly<Record<ErrorStatus, string>> = {
  400: '请求不符合要求 / Bad input',
  401: '未登录，或登录凭证不属于本接口的用户类型 / No valid ID token of the route’s audience',
  403: '已登录，但无权办理此事 / Signed in, but the caller may not do this',
  404: '本县（区）不存在该对象 / No such thing in this tenant',
  409: '当前状态不允许此操作，或并发修改在先 / The state does not allow it, or a concurrent change won',
  422: '格式正确，但规则无法满足 / Well-formed, but a rule cannot serve it',
  503: '依赖的服务暂不可用，可重试 / A dependency is down; retry',
};

/** The route facts the implied codes follow from. */
export interface ImpliedErrorsInput {
  readonly audience: RouteAudience;
  readonly contract: RouteContract;
  /** The path template carries `{tenantId}` (or the contract names where the tenant comes from). */
  readonly hasTenant: boolean;
}

/**
 * The codes every route of a kind can answer, whatever its own rules (functions/shared/http.ts, request-context.ts,
 * idempotency.ts), so contracts list only their route's own codes: input that fails its schema or is no JSON; a path
 * tenant that is no division code; a token whose claims the platform cannot read, or a member of staff of another county;
 * an `Idempotency-Key` that is malformed, reused with another body or still in flight; and a dependency that did not
 * answer in time (every route reads the table or a bucket), with `Retry-After`.
 */
export function impliedErrors({ audience, contract, hasTenant }: ImpliedErrorsInput): Partial<Record<ErrorStatus, string[]>> {
  const implied: Partial<Record<ErrorStatus, string[]>> = {};
  const add = (status: ErrorStatus, ...codes: string[]) => (implied[status] = [...(implied[status] ?? []), ...codes]);
  if (contract.body || contract.query || contract.path) add(400, 'VALIDATION_FAILED');
  if (contract.body) add(400, 'INVALID_JSON');
  if (hasTenant) add(400, 'INVALID_TENANT_ID');
  if (audience !== 'public') {
    add(400, 'INVALID_IDENTITY_CLAIMS');
    add(401, 'UNAUTHENTICATED');
  }
  if (audience === 'staff') add(403, 'STAFF_OF_OTHER_TENANT');
  if (contract.idempotent) {
    add(400, 'INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_REUSED');
    add(409, 'IDEMPOTENCY_IN_PROGRESS');
  }
  add(503, 'DEPENDENCY_UNAVAILABLE');
  return implied;
}

/** The route's error statuses with their codes: the implied ones first, then the contract's own, each code once, statuses in order. */
export function errorsOfRoute(input: ImpliedErrorsInput): ReadonlyArray<readonly [ErrorStatus, readonly string[]]> {
  const implied = impliedErrors(input);
  const statuses = new Set<ErrorStatus>([
    ...(Object.keys(implied).map(Number) as ErrorStatus[]),
    ...(Object.keys(input.contract.errors).map(Number) as ErrorStatus[]),
  ]);
  return [...statuses]
    .sort((a, b) => a - b)
    .map((status) => [status, [...new Set([...(implied[status] ?? []), ...(input.contract.errors[status] ?? [])])]] as const);
}
