import { createHash } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectData, type Schema } from '../../../scripts/api/client';
import { staff } from './accounts';
import { sha256Of, type TestFile } from './files';
import { county } from './platform';
import { staffClient } from './tokens';

/**
 * The department tasks of a case as the workbench's task pages need them in a test: read through the API (the window
 * clerk's staff view of the case), and the checks the task page's tables and downloads are held to.
 */
const tenantId = county.tenantId;
const eventually = { timeout: 30_000, intervals: [200, 500, 1000] };

type CaseTask = Schema<'CaseView'>['tasks'][number];

async function tasksOf(caseId: string): Promise<readonly CaseTask[]> {
  const clerk = await staffClient(tenantId, staff.clerk);
  const view = expectData('GET workbench case', await clerk.GET('/v1/tenants/{tenantId}/workbench/cases/{caseId}', { params: { path: { tenantId, caseId } } }));
  return view.tasks;
}

/** Waits until the workflow has sent every department its task (all pending after acceptance); answers them. */
export async function pendingTasksOf(caseId: string): Promise<readonly CaseTask[]> {
  let tasks: readonly CaseTask[] = [];
  await expect
    .poll(
      async () => {
        tasks = await tasksOf(caseId);
        return tasks.length > 0 && tasks.every((task) => task.status === 'pending');
      },
      { ...eventually, message: `the department tasks of ${caseId}` },
    )
    .toBe(true);
  return tasks;
}

/** The task of one department of the case. */
export function taskOf(tasks: readonly CaseTask[], deptId: string): CaseTask {
  const task = tasks.find((known) => known.deptId === deptId);
  if (!task) throw new Error(`no task of ${deptId} among ${tasks.map((known) => known.deptId).join(', ')}`);
  return task;
}

/** The row of a table whose row header (first cell) starts with the text. */
export const rowOf = (region: Locator, header: string): Locator =>
  region.getByRole('row').filter({ has: region.page().getByRole('rowheader', { name: header }) });

/**
 * The address the page opened for a material serves exactly the file that was uploaded (same bytes, SHA-256), as
 * the browser would fetch it: the presigned URL straight from the store, no token.
 */
export async function expectServedFile(url: string, uploaded: TestFile): Promise<void> {
  const answer = await fetch(url);
  expect(answer.ok, `GET ${url}: HTTP ${answer.status}`).toBe(true);
  const body = Buffer.from(await answer.arrayBuffer());
  expect(createHash('sha256').update(body).digest('hex')).toBe(sha256Of(uploaded));
}

/** Reloads the page until the check passes (what another department's decision does reaches this page's next load). */
export async function expectAfterReload(page: Page, check: () => Promise<void>, message: string): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }, message).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
}
