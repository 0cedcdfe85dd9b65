/**
 * A refusal of the API as the pages show it: the machine-readable code, the Chinese message (never the combined
 * "中文 / English" one), and per-field details for forms. Anything that is not the platform's error envelope (a
 * network failure, a gateway's bare answer) becomes a Chinese message of its own.
 */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly details: readonly FieldProblem[] = [],
    readonly requestId?: string,
  ) {
    super(messageZh);
    this.name = 'ApiProblem';
  }
}

interface Envelope {
  code?: unknown;
  messageZh?: unknown;
  details?: unknown;
  requestId?: unknown;
}

const fallbackByStatus: Readonly<Record<number, string>> = {
  401: '登录已失效，请重新登录。',
  403: '您没有办理此项业务的权限。',
  404: '未找到相关信息。',
  413: '提交的内容过大。',
  429: '操作过于频繁，请稍后再试。',
  503: '系统繁忙，请稍后再试，已提交的内容不会丢失。',
};

export function problemOf(status: number, body: unknown): ApiProblem {
  const envelope = (body ?? {}) as Envelope;
  if (typeof envelope.code === 'string' && typeof envelope.messageZh === 'string') {
    const details = Array.isArray(envelope.details) ? (envelope.details as FieldProblem[]) : [];
    return new ApiProblem(status, envelope.code, envelope.messageZh, details, typeof envelope.requestId === 'string' ? envelope.requestId : undefined);
  }
  const code = status === 401 ? 'UNAUTHENTICATED' : `HTTP_${status}`;
  return new ApiProblem(status, code, fallbackByStatus[status] ?? '服务暂时不可用，请稍后再试。');
}

export const networkProblem = (): ApiProblem => new ApiProblem(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试。');
