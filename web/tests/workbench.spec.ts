import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectData } from '../../scripts/api/client';
import { builder } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { acceptCase, fileAPlanningCase, uploadMaterial } from './support/cases';
import { pdfFile } from './support/files';
import { county } from './support/platform';
import { expectAfterReload, expectServedFile, pendingTasksOf, rowOf, taskOf } from './support/tasks';
import { staffClient } from './support/tokens';
import { openAsStaff } from './support/workbench';

/**
 * The department's side of the workbench (issue 15), in the browser against the real local platform: a case filed and
 * accepted through the API reaches 国土局's queue; its handler signs in through the staff provider, sees the task with
 * its light, opens it, claims it and approves it. A handler of another department sees only their own queue, and the
 * API refuses them 国土局's. Then the task page's whole course: the materials (下载 of the verified file), the
 * departments with their prerequisites (默认前置条件批准), the timeline, 现场勘察 suspended and resumed, the approval;
 * and a denial by another department cancelling the rest. axe and a screenshot after each page state.
 */
const tenantId = county.tenantId;
const leadHandler = 'GTJ-007';
const otherHandler = 'SJJ-007';
const fireHandler = 'GAJ-007';

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

test('a handler reads the materials, downloads the file, suspends for 现场勘察, resumes and approves; a denial by 公安局 cancels the other departments', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const design = pdfFile('总平面图及单体建筑方案.pdf', '设计方案');
  const caseA = await fileAPlanningCase(builder);
  await uploadMaterial(caseA, 'DESIGN_SCHEME', design);
  await acceptCase(caseA.caseId);
  const caseB = await fileAPlanningCase(builder);
  await acceptCase(caseB.caseId);
  const tasksA = await pendingTasksOf(caseA.caseId);
  const tasksB = await pendingTasksOf(caseB.caseId);
  // GTGH-0001: 国土局 leads with 住建局 as its prerequisite; 默认前置条件批准 lets it decide before 住建局 does
  expect(tasksA.map((task) => task.deptId).sort()).toEqual(['GAJ', 'GTJ', 'ZJJ']);

  const materials = page.getByRole('region', { name: '申请材料' });
  const parallel = page.getByRole('region', { name: '并联审批各部门' });
  const ownTask = page.getByRole('region', { name: '本部门任务' });
  const timeline = page.getByRole('region', { name: '办理进度' });

  await test.step('国土局’s handler opens case A: its materials, the departments with their prerequisites, the timeline', async () => {
    await openAsStaff(page, '/workbench/tasks', tenantId, leadHandler);
    await page.getByRole('link', { name: caseA.caseId }).click();
    await expect(page.getByRole('heading', { level: 1, name: '审批任务：建设工程规划许可证核发' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/workbench/tasks/${taskOf(tasksA, 'GTJ').taskId}\\?caseId=${caseA.caseId}$`));

    const designRow = rowOf(materials, '建设工程设计方案');
    await expect(designRow).toContainText('已提供');
    await expect(designRow).toContainText('总平面图及单体建筑方案.pdf');
    await expect(rowOf(materials, '建设工程规划许可申请表')).toContainText('未提供');
    await expect(rowOf(materials, '建设工程规划许可申请表').getByRole('button')).toHaveCount(0);

    await expect(rowOf(parallel, '国土局（GTJ）')).toContainText('（本部门）');
    await expect(rowOf(parallel, '国土局（GTJ）')).toContainText('牵头');
    await expect(rowOf(parallel, '国土局（GTJ）').getByRole('cell').last()).toHaveText('住建局（ZJJ）');
    await expect(rowOf(parallel, '住建局（ZJJ）')).toContainText('办理中');
    await expect(rowOf(parallel, '公安局（GAJ）').getByRole('cell').last()).toHaveText('无');
    await expect(ownTask.getByRole('note')).toContainText('本部门的审批以住建局（ZJJ）的批准为前置条件');
    await expect(ownTask).toContainText('国土局（GTJ），牵头');

    await expect(timeline.getByRole('listitem').filter({ hasText: '受理' }).first()).toBeVisible();
    await expect(timeline).toContainText('送部门审批');
    await checkPage(page, testInfo, '06-task-materials-departments-timeline');
  });

  await test.step('下载 opens the verified file’s address, which serves the uploaded bytes', async () => {
    const popup = page.waitForEvent('popup', { timeout: 15_000 });
    await rowOf(materials, '建设工程设计方案').getByRole('button', { name: /^下载/ }).click();
    await (await popup).close();
    const status = rowOf(materials, '建设工程设计方案').getByRole('status');
    await expect(status).toContainText('已在新窗口打开「总平面图及单体建筑方案.pdf」');
    const href = await status.getByRole('link', { name: /请点此下载/ }).getAttribute('href');
    expect(href).toBeTruthy();
    await expectServedFile(href as string, design);
    await checkPage(page, testInfo, '07-material-download');
  });

  await test.step('claims it; 要求补正 and 转办 need their reason and department, shown inline', async () => {
    await page.getByRole('button', { name: '认领' }).click();
    await expect(ownTask).toContainText('已由您认领');

    await page.getByRole('radio', { name: '要求补正' }).check();
    await expect(page.getByLabel('补正期限（工作日）')).toHaveValue('5');
    await page.getByRole('button', { name: '发出补正要求' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '请填写理由。' })).toBeVisible();
    await expect(page.getByLabel('补正要求（告知申请人需补正的内容）')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, testInfo, '08-supplement-reason-required');

    await page.getByRole('radio', { name: '转办' }).check();
    const target = page.getByLabel('转至部门', { exact: true });
    await expect(target.getByRole('option', { name: '住建局（ZJJ）' })).toHaveCount(1);
    await expect(target.getByRole('option', { name: '国土局（GTJ）' })).toHaveCount(0);
    await page.getByRole('button', { name: '确认转办' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '请选择转办的部门。' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: '请填写理由。' })).toBeVisible();
    await checkPage(page, testInfo, '09-reassign-department-required');
  });

  await test.step('suspends for 现场勘察, then resumes', async () => {
    await page.getByRole('radio', { name: '暂停计时（特别程序）' }).check();
    await expect(page.getByLabel('特别程序', { exact: true })).toHaveValue('现场勘察');
    await page.getByLabel('预计工作日').fill('2');
    await page.getByLabel('暂停理由').fill('核实建设用地四至');
    await page.getByRole('button', { name: '暂停计时', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已暂停计时。' })).toBeVisible();
    await expect(ownTask).toContainText('中止计时');
    await expect(ownTask).toContainText('现场勘察，预计2个工作日');
    await expect(ownTask).toContainText('核实建设用地四至');
    await expect(timeline).toContainText('部门中止计时');
    await checkPage(page, testInfo, '10-task-suspended');

    await page.getByRole('button', { name: '恢复计时' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已恢复计时。' })).toBeVisible();
    await expect(ownTask).toContainText('办理中');
    await expect(timeline).toContainText('部门恢复计时');
    await checkPage(page, testInfo, '11-task-resumed');
  });

  await test.step('approves before 住建局 (默认前置条件批准)', async () => {
    await page.getByRole('radio', { name: '批准', exact: true }).check();
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已批准' })).toBeVisible();
    await expect(ownTask).toContainText('已批准');
    await expect(rowOf(parallel, '住建局（ZJJ）')).toContainText('办理中');
    await expect(timeline).toContainText('部门作出审批意见');
    await checkPage(page, testInfo, '12-task-approved-before-prerequisite');
  });

  await test.step('公安局’s handler denies case B with a reason; 国土局 and 住建局 are cancelled', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const fire = await context.newPage();
    await openAsStaff(fire, '/workbench/tasks', tenantId, fireHandler);
    await fire.getByRole('link', { name: caseB.caseId }).click();
    await expect(fire).toHaveURL(new RegExp(`/workbench/tasks/${taskOf(tasksB, 'GAJ').taskId}\\?`));
    await fire.getByRole('button', { name: '认领' }).click();
    await expect(fire.getByRole('region', { name: '本部门任务' })).toContainText('已由您认领');
    await fire.getByRole('radio', { name: '不予批准' }).check();
    await fire.getByLabel('不予批准的理由').fill('消防设计不符合《建筑设计防火规范》，疏散通道宽度不足。');
    await fire.getByRole('button', { name: '确认不予批准' }).click();
    await expect(fire.getByRole('status').filter({ hasText: '已作出不予批准决定' })).toBeVisible();
    await expect(fire.getByRole('region', { name: '本部门任务' })).toContainText('不予批准');
    await checkPage(fire, testInfo, '13-case-b-denied');

    const fireParallel = fire.getByRole('region', { name: '并联审批各部门' });
    await expectAfterReload(
      fire,
      async () => {
        await expect(rowOf(fireParallel, '国土局（GTJ）')).toContainText('已取消', { timeout: 2_000 });
        await expect(rowOf(fireParallel, '住建局（ZJJ）')).toContainText('已取消', { timeout: 2_000 });
      },
      'the other departments of case B cancelled after the denial',
    );
    await expect(rowOf(fireParallel, '公安局（GAJ）')).toContainText('不予批准');
    await expect(fire.getByRole('region', { name: '办理进度' })).toContainText('部门审批无需继续');
    await checkPage(fire, testInfo, '14-case-b-others-cancelled');
    await context.close();
  });

  await test.step('国土局’s handler finds case B under 已取消 and may no longer decide it', async () => {
    await page.getByRole('link', { name: '返回部门任务' }).click();
    await page.getByLabel('任务状态').selectOption('cancelled');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: caseB.caseId }) });
    await expect(row).toContainText('建设工程规划许可证核发');
    await expect(page.getByRole('link', { name: caseA.caseId })).toHaveCount(0);
    await checkPage(page, testInfo, '15-department-tasks-cancelled');
    await row.getByRole('link', { name: caseB.caseId }).click();
    await expect(ownTask).toContainText('已取消');
    await expect(page.getByText('此任务已办结，无需再作决定。')).toBeVisible();
    await expect(page.getByRole('region', { name: '审批决定' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '办件摘要' })).toContainText('不予许可');
    await checkPage(page, testInfo, '16-cancelled-task');
  });
});
