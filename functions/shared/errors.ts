/**
 * Typed domain errors. Each carries a machine-readable code and a message in Chinese and English.
 * Pure domain code throws these; one place (functions/shared/http.ts) maps them to HTTP statuses.
 */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: readonly FieldProblem[],
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = new.target.name;
  }
}

/** Bad input: 400. */
export class ValidationError extends DomainError {
  readonly code: string;
  constructor(messageZh: string, messageEn: string, details?: readonly FieldProblem[], code = 'VALIDATION_FAILED') {
    super(messageZh, messageEn, details);
    this.code = code;
  }
}

/** A paging cursor that is not the previous page's `nextCursor` of this very list (another list, another county, edited): 400. */
export const invalidCursor = (): ValidationError =>
  new ValidationError(
    '分页游标无效，请从第一页重新查询',
    'The paging cursor is not valid for this list; start again from the first page',
    undefined,
    'INVALID_CURSOR',
  );

/** An id that does not exist for this tenant: 404. */
export class NotFoundError extends DomainError {
  readonly code: string;
  constructor(what: { zh: string; en: string; code: string }, id: string) {
    super(`${what.zh}不存在：${id}`, `${what.en} not found: ${id}`);
    this.code = what.code;
  }
}

export const notFound = {
  tenant: (id: string) => new NotFoundError({ zh: '租户（县级政府）', en: 'Tenant', code: 'TENANT_NOT_FOUND' }, id),
  item: (id: string) => new NotFoundError({ zh: '政务服务事项', en: 'Service item', code: 'ITEM_NOT_FOUND' }, id),
  bundle: (id: string) => new NotFoundError({ zh: '“一件事”套餐', en: 'Bundle', code: 'BUNDLE_NOT_FOUND' }, id),
  case: (id: string) => new NotFoundError({ zh: '办件', en: 'Case', code: 'CASE_NOT_FOUND' }, id),
  task: (id: string) => new NotFoundError({ zh: '审批任务', en: 'Approval task', code: 'TASK_NOT_FOUND' }, id),
  route: (id: string) => new NotFoundError({ zh: '接口', en: 'Route', code: 'ROUTE_NOT_FOUND' }, id),
};

/** A state change that the current state does not allow, or a concurrent change won: 409. */
export class InvalidTransitionError extends DomainError {
  readonly code: string;
  constructor(messageZh: string, messageEn: string, code = 'INVALID_TRANSITION') {
    super(messageZh, messageEn);
    this.code = code;
  }
}

/** Well-formed input that a rule of the domain cannot serve (e.g. a year without an official calendar): 422. */
export class RuleNotSatisfiableError extends DomainError {
  readonly code: string;
  constructor(messageZh: string, messageEn: string, code: string) {
    super(messageZh, messageEn);
    this.code = code;
  }
}

/** A dependency (the approval engine, storage) is unavailable; the request can be retried: 503. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'DEPENDENCY_UNAVAILABLE';
  constructor(messageZh: string, messageEn: string) {
    super(messageZh, messageEn);
  }
}

/** The caller is identified but their role may not do this (e.g. staff rating for an applicant): 403. */
export class ForbiddenError extends DomainError {
  readonly code: string;
  constructor(messageZh: string, messageEn: string, code = 'FORBIDDEN') {
    super(messageZh, messageEn);
    this.code = code;
  }
}

/** Nobody is signed in (no token, or one that is not of this route's audience) where the action needs someone: 401. */
export class UnauthenticatedError extends DomainError {
  readonly code: string;
  constructor(messageZh = '请先登录', messageEn = 'Sign-in required', code = 'UNAUTHENTICATED') {
    super(messageZh, messageEn);
    this.code = code;
  }
}
