import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectData } from '../../scripts/api/client';
import { builder } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { acceptCase, fileAPlanningCase } from './support/cases';
import { county } from './support/platform';
import { staffClient } from './support/tokens';
import { openAsStaff } from './support/workbench';

/**
 * The department's side of the workbench (issue 15, first step), in the browser against the real local platform: a
 * case filed and accepted through the API reaches 国土局's queue; its handler signs in through the staff provider,
 * sees the task with its light, opens it, claims it and approves it. A handler of another department sees only their
 * own queue, and the API refuses them 国土局's. axe and a screenshot after each page.
 */
const tenantId = county.tenantId;
const leadHandler = 'GTJ-007';
const otherHandler = 'SJJ-007';

async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoAxeViolations(page, name, testInfo);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('a handler sees the accepted case in 部门任务, claims and approves it; another department neither sees nor may list it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const filed = await fileAPlanningCase(builder);
  await acceptCase(filed.caseId);
  const handlerApi = await staffClient(tenantId, leadHandler);
  await expect
    .poll(
      async () => {
        const list = expectData(
          'GET GTJ tasks',
          await handlerApi.GET('/v1/tenants/{tenantId}/departments/{deptId}/tasks', { params: { path: { tenantId, deptId: 'GTJ' } } }),
        );
        return list.tasks.some((task) => task.caseId === filed.caseId);
      },
      { timeout: 30_000, message: `国土局's task of ${filed.caseId}` },
    )
    .toBe(true);

  await test.step('the handler signs in and sees the task with its light in 部门任务', async () => {
    await openAsStaff(page, '/workbench/tasks', tenantId, leadHandler);
    await expect(page.getByRole('heading', { level: 1, name: '部门任务' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('韦国华');
    await expect(page.getByRole('banner')).toContainText('承办人');
    await expect(page.getByRole('banner')).toContainText('三都水族自治县');
    await expect(page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '部门任务' })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: filed.caseId }) });
    await expect(row).toContainText('建设工程规划许可证核发');
    await expect(row).toContainText(/正常|临期|超期|暂停计时|期限待定/);
    await checkPage(page, testInfo, '01-department-tasks');
    await row.getByRole('link', { name: filed.caseId }).click();
  });

  await test.step('opens the task, claims it and approves it', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '审批任务：建设工程规划许可证核发' })).toBeVisible();
    await expect(page.getByRole('region', { name: '本部门任务' })).toContainText('未认领');
    await checkPage(page, testInfo, '02-task');
    await page.getByRole('button', { name: '认领' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已认领，请办理。' })).toBeVisible();
    await expect(page.getByRole('region', { name: '本部门任务' })).toContainText('已由您认领');
    await page.getByRole('radio', { name: '不予批准' }).check();
    await expect(page.getByText('如不服本决定，可自收到之日起六十日内依法申请行政复议')).toBeVisible();
    await page.getByRole('button', { name: '确认不予批准' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '请填写理由。' })).toBeVisible();
    await checkPage(page, testInfo, '03-task-deny-reason-required');
    await page.getByRole('radio', { name: '批准', exact: true }).check();
    await page.getByLabel('审批意见（选填）').fill('符合规划条件，同意。');
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已批准' })).toBeVisible();
    await expect(page.getByRole('region', { name: '本部门任务' })).toContainText('已批准');
    await checkPage(page, testInfo, '04-task-approved');
  });

  await test.step('a handler of another department sees only their own queue, and the API refuses them 国土局’s', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const other = await context.newPage();
    await openAsStaff(other, '/workbench/tasks', tenantId, otherHandler);
    await expect(other.getByRole('heading', { level: 1, name: '部门任务' })).toBeVisible();
    await expect(other.getByText('本部门（SJJ）的审批任务')).toBeVisible();
    await expect(other.getByRole('status').filter({ hasText: /^共 \d+ 条$/ })).toBeVisible();
    await expect(other.getByRole('link', { name: filed.caseId })).toHaveCount(0);
    await other.getByLabel('任务状态').selectOption('approved');
    await expect(other.getByRole('status').filter({ hasText: /^共 \d+ 条$/ })).toBeVisible();
    await expect(other.getByRole('link', { name: filed.caseId })).toHaveCount(0);
    await checkPage(other, testInfo, '05-other-department-tasks');
    await context.close();

    const otherApi = await staffClient(tenantId, otherHandler);
    const refused = await otherApi.GET('/v1/tenants/{tenantId}/departments/{deptId}/tasks', { params: { path: { tenantId, deptId: 'GTJ' } } });
    expect(refused.response.status).toBe(403);
    expect((refused.error as { code?: string }).code).toBe('OTHER_DEPARTMENT');
  });
});
