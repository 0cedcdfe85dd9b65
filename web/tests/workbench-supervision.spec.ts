import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectData } from '../../scripts/api/client';
import { CHART_GRID } from '../src/workbench/supervision/chart-grid';
import { builder, resident } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { acceptCase, fileAPlanningCase } from './support/cases';
import { advanceClock } from './support/clock';
import { county } from './support/platform';
import { staffClient } from './support/tokens';
import { openAsStaff } from './support/workbench';

/**
 * The supervision office's side of the workbench (issue 15), against the real local platform: two accepted cases run
 * past their promised deadline (the local clock drill), the supervisor 陈静 (JC-001) sees them in the dashboard's
 * charts, clicks the red bar and lands on the list behind it, opens a case's audit trail; after a 非常不满意 review the
 * entry appears in the ledger, 国土局's handler walks it verify → rectify → call back → close, and the supervisor sees
 * it closed. A handler is offered none of supervision's pages and the API refuses them the dashboard.
 */
const tenantId = county.tenantId;
const supervisor = 'JC-001';
const ownerHandler = 'GTJ-007';

async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoAxeViolations(page, name, testInfo);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Pages on (加载更多) until the row of the case is shown. */
async function rowOfCase(page: Page, caseId: string) {
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `审计记录 ${caseId}` }) });
  for (let pages = 0; pages < 20 && (await row.count()) === 0; pages += 1) {
    const more = page.getByRole('button', { name: '加载更多' });
    if ((await more.count()) === 0) break;
    await more.click();
    await expect(page.getByRole('button', { name: '加载更多' }).or(page.getByRole('status').filter({ hasText: /已显示 \d+ 件$/ }))).toBeVisible();
  }
  return row;
}

test('a supervisor sees two overdue cases in the charts, opens them from the red bar, and follows a bad review’s ledger entry to closure', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const first = await fileAPlanningCase(resident);
  const second = await fileAPlanningCase(builder);
  await acceptCase(first.caseId);
  await acceptCase(second.caseId);
  // 建设工程规划许可证核发 promises 10 working days: five weeks on, both are overdue (red)
  await advanceClock(35);
  const supervisorApi = await staffClient(tenantId, supervisor);
  await expect
    .poll(
      async () => {
        const page1 = expectData(
          'GET supervision cases red',
          await supervisorApi.GET('/v1/tenants/{tenantId}/supervision/cases', { params: { path: { tenantId }, query: { light: 'red', limit: 100 } } }),
        );
        const dashboard = expectData(
          'GET dashboard',
          await supervisorApi.GET('/v1/tenants/{tenantId}/supervision/dashboard', { params: { path: { tenantId } } }),
        );
        const ids = page1.cases.map((row) => row.caseId);
        return ids.includes(first.caseId) && ids.includes(second.caseId) && dashboard.casesByLight.red >= 2;
      },
      { timeout: 60_000, message: 'both cases red in the drill-down and counted red on the dashboard' },
    )
    .toBe(true);

  await test.step('the dashboard shows the red cases in its lights chart, with the figures as a table', async () => {
    await openAsStaff(page, '/workbench/supervision', tenantId, supervisor);
    await expect(page.getByRole('heading', { level: 1, name: '督查看板' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: '工作台导航' });
    for (const link of ['督查看板', '在办件', '审计查询', '整改台账', '月度考核']) await expect(nav.getByRole('link', { name: link })).toBeVisible();
    const lights = page.getByRole('figure', { name: '在办件今日灯色' });
    const redRow = lights.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '超期' }) });
    const redCount = Number(/(\d+) 件/.exec((await redRow.getByRole('cell').first().textContent()) ?? '')?.[1]);
    expect(redCount).toBeGreaterThanOrEqual(2);
    await expect(lights.locator('[data-chart="chart-lights"][data-ready="true"] canvas')).toBeVisible();
    for (const figure of ['各部门按时决定率', '好差评分布', '满意率趋势（近六个周期）', '整改台账状态', '督办层级分布']) {
      await expect(page.getByRole('figure', { name: figure })).toBeVisible();
    }
    await checkPage(page, testInfo, '31-dashboard');
  });

  await test.step('a click on the red bar opens the red cases behind it; both are there, each department with its stage', async () => {
    const canvas = page.locator('[data-chart="chart-lights"]');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the lights chart has no box');
    // the bars run top to bottom in the table's order (超期 first) in a plot area of fixed margins
    const band = (box.height - CHART_GRID.top - CHART_GRID.bottom) / 5;
    await canvas.click({ position: { x: CHART_GRID.left + 3, y: CHART_GRID.top + band / 2 } });
    await page.waitForURL((url) => url.pathname === '/workbench/supervision/cases' && url.searchParams.get('light') === 'red');
    await expect(page.getByRole('heading', { level: 1, name: '在办件' })).toBeVisible();
    await expect(page.getByLabel('灯色')).toHaveValue('red');
    for (const filed of [first, second]) {
      const row = await rowOfCase(page, filed.caseId);
      await expect(row).toContainText('超期');
      await expect(row).toContainText('国土局');
    }
    await checkPage(page, testInfo, '32-red-cases');
    await (await rowOfCase(page, first.caseId)).getByRole('link', { name: `审计记录 ${first.caseId}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: '审计查询' })).toBeVisible();
    await expect(page.getByRole('table', { name: `${first.caseId} 的审计记录` })).toContainText('CaseAccepted');
    await checkPage(page, testInfo, '33-audit');
  });

  let rectificationId = '';
  await test.step('after a 非常不满意 review the entry is in the ledger; the supervisor reads it but does not record its steps', async () => {
    expectData(
      'POST review',
      await first.applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/reviews', {
        params: { path: { tenantId, caseId: first.caseId } },
        body: { touchpoint: 'acceptance', level: '非常不满意', comment: '受理后迟迟没有进展', channel: 'web' },
      }),
    );
    await page.goto('/workbench/rectifications');
    await expect(page.getByRole('heading', { level: 1, name: '整改台账' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: `差评（非常不满意）· ${first.caseId}` });
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText('待核实');
    await checkPage(page, testInfo, '34-ledger');
    await row.getByRole('link', { name: /查看/ }).click();
    await page.waitForURL(/\/workbench\/rectifications\/[0-9A-Z]{26}$/);
    rectificationId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(page.getByRole('heading', { level: 1, name: '整改事项' })).toBeVisible();
    await expect(page.getByText('整改步骤由负责部门的承办人或负责人记录')).toBeVisible();
    await expect(page.getByRole('button', { name: '记录' })).toHaveCount(0);
  });

  await test.step('国土局’s handler walks the entry: verify, rectify, call back with the applicant’s satisfaction, close', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const handler = await context.newPage();
    await openAsStaff(handler, `/workbench/rectifications/${rectificationId}`, tenantId, ownerHandler);
    await expect(handler.getByRole('heading', { level: 1, name: '整改事项' })).toBeVisible();
    await handler.getByRole('button', { name: '记录' }).click();
    await expect(handler.getByRole('alert').filter({ hasText: '请填写情况记录。' })).toBeVisible();
    await checkPage(handler, testInfo, '35-entry-note-required');
    const steps = [
      { name: '核实', note: '经核实，受理后现场踏勘排期过长' },
      { name: '整改', note: '已调整踏勘排期，三个工作日内完成' },
      { name: '回访', note: '电话回访申请人', satisfaction: '满意' },
      { name: '销号', note: '整改完成，予以销号' },
    ];
    for (const step of steps) {
      await handler.getByRole('radio', { name: step.name, exact: true }).check();
      await handler.getByLabel('情况记录').fill(step.note);
      if (step.satisfaction) await handler.getByRole('radio', { name: step.satisfaction, exact: true }).check();
      await handler.getByRole('button', { name: '记录' }).click();
      await expect(handler.getByRole('status').filter({ hasText: `已记录：${step.name}。` })).toBeVisible();
    }
    await expect(handler.getByText('本事项已销号。')).toBeVisible();
    await expect(handler.getByRole('listitem').filter({ hasText: '回访满意度：满意' })).toBeVisible();
    await checkPage(handler, testInfo, '36-entry-closed');
    await context.close();

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '已销号' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: `记录人：${ownerHandler}` })).toHaveCount(4);
  });

  await test.step('the supervisor reads a handler’s month in 月度考核', async () => {
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '月度考核' }).click();
    await page.getByLabel('工号').fill(ownerHandler);
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page.getByRole('table', { name: new RegExp(`^${ownerHandler} 在 \\d{4}-\\d{2} 的考核数据$`) })).toBeVisible();
    await checkPage(page, testInfo, '37-staff-figures');
  });
});

test('a handler is offered none of supervision’s pages, and the API refuses them the dashboard', async ({ page }) => {
  await openAsStaff(page, '/workbench/tasks', tenantId, ownerHandler);
  const nav = page.getByRole('navigation', { name: '工作台导航' });
  await expect(nav.getByRole('link', { name: '部门任务' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '整改台账' })).toBeVisible();
  for (const link of ['督查看板', '在办件', '审计查询']) await expect(nav.getByRole('link', { name: link })).toHaveCount(0);
  const handlerApi = await staffClient(tenantId, ownerHandler);
  const refused = await handlerApi.GET('/v1/tenants/{tenantId}/supervision/dashboard', { params: { path: { tenantId } } });
  expect(refused.response.status).toBe(403);
  expect((refused.error as { code?: string }).code).toBe('ROLE_NOT_ALLOWED');
});
