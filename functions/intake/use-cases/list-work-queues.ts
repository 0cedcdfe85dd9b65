/**
 * The workbench's queues (工作台): the applications the window examines, the results it hands over, and the open cases
 * behind the supervision dashboard (钻取). Each is a page of the status index (oldest first) with its rows counted
 * as of now by the case clock; a page reads its cases' tasks or results in one batch each, never a scan.
 */

import type { z } from 'zod';
import { authorize } from '../../kernel/permissions';
import { invalidCursor, notFound } from '../../shared/errors';
import type { RequestContext } from '../../shared/request-context';
import type { Case } from '../domain/case';
import type { StatusOnClock } from '../domain/ports';
import { examinationRow, handoverRow, type OpenCaseRow, openCaseRow } from '../domain/work-queues';
import type { IntakeDependencies } from './dependencies';
import type { examinationQueueQuery, handoverQueueQuery, openCasesQuery } from './requests';
import { calendarOf } from './support';

type QueueDependencies = Pick<IntakeDependencies, 'cases' | 'tenants' | 'clock' | 'calendar'>;

async function countyClock(deps: QueueDependencies, ctx: RequestContext) {
  const profile = await deps.tenants.profile(ctx.tenantId);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  return { calendar: await calendarOf(deps, profile), now: deps.clock.now(), yellowThreshold: profile.supervision.yellowThresholdDays };
}

/** 待审查: the county's applications waiting for an acceptance decision, with each one's 一次性告知 deadline and light. */
export async function listExaminationQueue(deps: QueueDependencies, ctx: RequestContext, query: z.infer<typeof examinationQueueQuery>) {
  authorize(ctx.principal, 'case.decide-acceptance');
  const { calendar, now, yellowThreshold } = await countyClock(deps, ctx);
  const page = await deps.cases.pageInStatus(ctx.tenantId, query.status, query);
  return {
    status: query.status,
    cases: page.items.map((found) => examinationRow(found, calendar, now.toISOString(), yellowThreshold)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** 待出件: completed cases whose result is not handed over yet, with the 3-working-day deadline and light. */
export async function listHandoverQueue(
  deps: QueueDependencies & Pick<IntakeDependencies, 'records'>,
  ctx: RequestContext,
  query: z.infer<typeof handoverQueueQuery>,
) {
  authorize(ctx.principal, 'result.hand-over');
  const { calendar, now } = await countyClock(deps, ctx);
  // a handed-over result stays completed in the status index: its row drops out, and further pages fill the answer
  const { rows, nextCursor } = await walkStatuses(deps, ctx, ['completed'], query, async (cases) => {
    const found = await Promise.all(
      cases.map(async (completed) => {
        const [release, checklist] = await Promise.all([
          deps.records.release(ctx.tenantId, completed.caseId),
          deps.records.checklist(ctx.tenantId, completed.caseId),
        ]);
        return handoverRow(completed, release, checklist, calendar, now.toISOString());
      }),
    );
    return found.filter((row) => row !== undefined);
  });
  return { cases: rows, ...(nextCursor ? { nextCursor } : {}) };
}

/** At most this many index pages per answer: a narrow filter gives a shorter page with a cursor, not an unbounded read. */
const MAX_READS = 5;

type Position = { readonly status: StatusOnClock; readonly after?: string };

function decodePosition(statuses: readonly StatusOnClock[], cursor: string | undefined): Position {
  if (cursor === undefined) return { status: statuses[0] as StatusOnClock };
  try {
    const { status, after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { status?: unknown; after?: unknown };
    if (statuses.includes(status as StatusOnClock) && (after === undefined || typeof after === 'string')) {
      return { status: status as StatusOnClock, ...(after ? { after } : {}) };
    }
  } catch {
    // not base64url JSON: refused below like any other foreign cursor
  }
  throw invalidCursor();
}

const encodePosition = (position: Position): string => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

/**
 * Reads the status index through `statuses` in order, a page at a time from the cursor's position, turning each page
 * into the rows that qualify, until `limit` rows are in or MAX_READS pages are read; the cursor names the status it
 * stopped in, so one list can span several status partitions.
 */
async function walkStatuses<R>(
  deps: Pick<IntakeDependencies, 'cases'>,
  ctx: RequestContext,
  statuses: readonly StatusOnClock[],
  query: { readonly limit: number; readonly cursor?: string },
  rowsOf: (cases: readonly Case[]) => Promise<R[]>,
): Promise<{ rows: R[]; nextCursor?: string }> {
  const rows: R[] = [];
  let position: Position | undefined = decodePosition(statuses, query.cursor);
  for (let reads = 0; position && reads < MAX_READS && rows.length < query.limit; reads++) {
    const page = await deps.cases.pageInStatus(ctx.tenantId, position.status, { limit: query.limit, cursor: position.after });
    rows.push(...(await rowsOf(page.items)));
    const nextStatus: StatusOnClock | undefined = statuses[statuses.indexOf(position.status) + 1];
    position = page.nextCursor ? { status: position.status, after: page.nextCursor } : nextStatus ? { status: nextStatus } : undefined;
  }
  return { rows, ...(position ? { nextCursor: encodePosition(position) } : {}) };
}

const matches = (row: OpenCaseRow, query: z.infer<typeof openCasesQuery>): boolean =>
  (query.light === undefined || row.light === query.light) &&
  (query.itemCode === undefined || row.itemCode === query.itemCode) &&
  (query.deptId === undefined || row.departments.some((department) => department.deptId === query.deptId));

/**
 * 钻取: the open cases (in approval, then accepted) behind a dashboard figure, filtered by the case's light, a
 * department taking part, or the item. Pages of the status index are read until `limit` rows match (at most
 * MAX_READS pages), so a page may hold fewer rows and still carry a cursor.
 */
export async function listOpenCases(deps: QueueDependencies & Pick<IntakeDependencies, 'tasks'>, ctx: RequestContext, query: z.infer<typeof openCasesQuery>) {
  authorize(ctx.principal, 'supervision.read-dashboard');
  const { calendar, now, yellowThreshold } = await countyClock(deps, ctx);
  const { rows, nextCursor } = await walkStatuses(deps, ctx, ['in_approval', 'accepted'], query, async (cases) => {
    const tasks = await deps.tasks.findMany(
      ctx.tenantId,
      cases.flatMap((found) => found.tasks.map((task) => task.taskId)),
    );
    return cases
      .map((found) =>
        openCaseRow(
          found,
          tasks.filter((task) => task.caseId === found.caseId),
          calendar,
          now,
          yellowThreshold,
        ),
      )
      .filter((row) => matches(row, query));
  });
  return {
    filters: {
      ...(query.light ? { light: query.light } : {}),
      ...(query.deptId ? { deptId: query.deptId } : {}),
      ...(query.itemCode ? { itemCode: query.itemCode } : {}),
    },
    cases: rows,
    ...(nextCursor ? { nextCursor } : {}),
  };
}
