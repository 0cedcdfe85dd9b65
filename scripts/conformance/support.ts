/** What the scenarios share: waiting for asynchronous steps, the county's working-day calendar over HTTP, refusals, forms. */
import type { Middleware } from 'openapi-fetch';
import { OpenApiResponseValidator, type OpenApiDocumentLike } from '../../test/support/openapi-validator';
import { describeRefusal, expectData, type Schema, type TongbanClient } from '../api/client';
import { check } from './report';

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Polls until `probe` returns a value; on timeout, fails with what the last probe saw. */
export async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<{ value?: T; seen: string }>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result.value !== undefined) return result.value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${Math.round(timeoutMs / 1000)} s (last seen: ${result.seen})`);
    await pause(250);
  }
}

/** Waits a moment for asynchronous work that must NOT happen (the workflow completing early), then lets the caller look. */
export const settle = (milliseconds = 2_000) => pause(milliseconds);

/** A call that must be refused with this status and code; returns the line that says so. */
export function expectRefusal(what: string, reply: { error?: unknown; response: Response }, status: number, code: string): string {
  const body = (reply.error ?? {}) as { code?: string };
  check(reply.response.status === status && body.code === code, `${what}: expected ${status} ${code}, got ${describeRefusal(reply.response, reply.error)}`);
  return `${status} ${code}`;
}

/** The Asia/Shanghai date of an instant (the calendar decides by it). */
export const shanghaiDate = (instant: string): string => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The county's working-day calendar as the public route answers it: the same rules the deadlines are counted by. */
export class WorkingDays {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly anyone: TongbanClient,
    private readonly tenantId: string,
  ) {}

  /** The end of the n-th working day after the start's day (`GET …/calendar/deadline`). */
  async deadline(start: string, days: number): Promise<string> {
    const key = `${start}|${days}`;
    const known = this.cache.get(key);
    if (known) return known;
    const answer = expectData(
      `GET calendar/deadline?start=${start}&days=${days}`,
      await this.anyone.GET('/v1/tenants/{tenantId}/calendar/deadline', { params: { path: { tenantId: this.tenantId }, query: { start, days } } }),
    );
    this.cache.set(key, answer.deadline);
    return answer.deadline;
  }

  /** The working days d with date(from) < d ≤ date(until): what a suspension [from, until] removes from a time limit. */
  async between(from: string, until: string): Promise<number> {
    const last = shanghaiDate(until);
    let count = 0;
    while (count < 60 && shanghaiDate(await this.deadline(from, count + 1)) <= last) count += 1;
    return count;
  }

  /** A deadline moved on by n working days (n = 0: the same). */
  async shifted(deadline: string, days: number): Promise<string> {
    return days === 0 ? deadline : this.deadline(deadline, days);
  }
}

type Guide = Schema<'ItemGuide'>;

/** A form that fits the guide: one plausible value per configured field type, the applicant's own where asked. */
export function formFor(guide: Guide, applicant: { readonly idNumber: string; readonly phone: string; readonly name: string }): Record<string, unknown> {
  const values: Record<Guide['formFields'][number]['type'], (field: Guide['formFields'][number]) => unknown> = {
    text: (field) => (/name|单位/i.test(`${field.key}${field.label}`) ? applicant.name : `合规性测试（${field.label}）`),
    number: () => 100,
    boolean: () => true,
    date: () => new Date().toISOString().slice(0, 10),
    select: (field) => field.options?.[0],
    idNumber: () => applicant.idNumber,
    phone: () => applicant.phone,
  };
  return Object.fromEntries(guide.formFields.map((field) => [field.key, values[field.type](field)]));
}

/**
 * Holds every answer to the deployment's own published document (GET /v1/openapi.json): an openapi-fetch middleware
 * on every caller's client records each answer, and `problems` lists those the document does not describe.
 */
export class ContractObserver {
  private validator: OpenApiResponseValidator | undefined;
  private readonly seen: { method: string; path: string; status: number; body: unknown; contentType: string | null }[] = [];
  private basePath = '';

  readonly middleware: Middleware = {
    onResponse: async ({ request, response }) => {
      const text = await response.clone().text();
      const contentType = response.headers.get('content-type');
      let body: unknown = text;
      if (/json/.test(contentType ?? '') && text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const url = new URL(request.url);
      const path = url.pathname.startsWith(this.basePath) ? url.pathname.slice(this.basePath.length) || '/' : url.pathname;
      this.seen.push({ method: request.method, path: `${path}${url.search}`, status: response.status, body, contentType });
      return undefined;
    },
  };

  /** The document to hold answers to, and the API's base path (a stage or a custom domain's mapping) to strip. */
  use(document: OpenApiDocumentLike, baseUrl: string): void {
    this.validator = new OpenApiResponseValidator(document);
    this.basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  }

  get answers(): number {
    return this.seen.length;
  }

  /** The documented operations the answers came from. */
  operations(): number {
    return new Set(this.seen.map((answer) => this.validator?.routeOf(answer.method, answer.path) ?? answer.path)).size;
  }

  problems(): string[] {
    if (!this.validator) return ['no document to validate against'];
    const validator = this.validator;
    return this.seen.flatMap((answer) =>
      validator
        .problems(answer)
        .map((problem) => `${validator.routeOf(answer.method, answer.path) ?? `${answer.method} ${answer.path}`} ${answer.status}: ${problem}`),
    );
  }
}
