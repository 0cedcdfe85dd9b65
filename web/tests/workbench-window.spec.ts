import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectData } from '../../scripts/api/client';
import { builder, resident, staff } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { aCompletedCase, fileAPlanningCase, planningAnswers, statusOf, uploadMaterial } from './support/cases';
import { pdfFile } from './support/files';
import { tabTo } from './support/keyboard';
import { materials, uploadLabel } from './support/materials';
import { county, planningItem } from './support/platform';
import { openAsStaff } from './support/workbench';

/**
 * The window's side of the workbench (issue 15), in the browser against the real local platform, as the window clerk
 * 潘丽娟 (CK-01) works it: an online application examined and sent its one 一次性告知, the applicant's supplement,
 * then accepted, with the notices printed; a walk-in filed for the applicant with its receipt; a result handed over.
 * axe and a screenshot after each page.
 */
const tenantId = county.tenantId;

async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoAxeViolations(page, name, testInfo);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('a window clerk sends a 一次性告知, prints it, and after the applicant supplies the material accepts the application', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const filed = await fileAPlanningCase(builder);

  await test.step('the clerk finds the application in 待审查 with its notice deadline and opens it from the keyboard', async () => {
    await openAsStaff(page, '/workbench/window', tenantId, staff.clerk);
    await expect(page.getByRole('heading', { level: 1, name: '待审查的申请' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '窗口收件' })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `审查 ${filed.caseId}` }) });
    await expect(row).toContainText(planningItem.name);
    await expect(row).toContainText(builder.name);
    await expect(row).toContainText('网上申报');
    await expect(row).toContainText('未告知');
    await checkPage(page, testInfo, '01-examination-queue');
    await tabTo(page, row.getByRole('link', { name: `审查 ${filed.caseId}` }), 80);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '受理审查' })).toBeVisible();
  });

  await test.step('composes the one-time notice: one reason per material, a missing reason refused in the page', async () => {
    await page.getByRole('radio', { name: '一次性告知补正' }).check();
    await expect(page.getByRole('note')).toContainText('每件申请只能一次性告知一次');
    await page.getByRole('checkbox', { name: materials.application.name }).check();
    await page.getByRole('button', { name: '发出一次性告知书' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `请写明“${materials.application.name}”的补正原因。` })).toBeVisible();
    await page.getByLabel(`${materials.application.name}：补正原因`).fill('申请表未加盖建设单位公章');
    await checkPage(page, testInfo, '02-one-time-notice');
    await page.getByRole('button', { name: '发出一次性告知书' }).click();
    await expect(page.getByRole('link', { name: /打印一次性告知书/ })).toBeVisible();
    expect(await statusOf(filed.caseId)).toBe('supplement_requested');
  });

  await test.step('prints the 一次性告知书 with the county, the case number and every reason', async () => {
    await page.getByRole('link', { name: /打印一次性告知书/ }).click();
    const notice = page.getByRole('article');
    await expect(page.getByRole('heading', { level: 1, name: '一次性告知书' })).toBeVisible();
    await expect(notice).toContainText(county.name);
    await expect(notice).toContainText(filed.caseId);
    await expect(notice).toContainText('申请表未加盖建设单位公章');
    await expect(notice).toContainText('见申请人收执的申请回执');
    await checkPage(page, testInfo, '03-print-one-time-notice');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('the applicant supplies the material and resubmits; the clerk accepts and prints the 受理通知书', async () => {
    await uploadMaterial(filed, materials.application.id, pdfFile('planning-application.pdf', '建设工程规划许可申请表（盖章）'));
    expectData(
      'POST resubmission',
      await filed.applicant.POST('/v1/tenants/{tenantId}/cases/{caseId}/resubmission', { params: { path: { tenantId, caseId: filed.caseId } }, body: {} }),
    );
    await page.goto('/workbench/window');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `审查 ${filed.caseId}` }) });
    await expect(row).toContainText('已告知');
    await row.getByRole('link', { name: `审查 ${filed.caseId}` }).click();
    await expect(page.getByRole('radio', { name: '一次性告知补正' })).toHaveCount(0);
    await expect(page.getByText('本件已发出过一次性告知，不能再次告知补正。')).toBeVisible();
    await page.getByRole('radio', { name: '受理', exact: true }).check();
    await checkPage(page, testInfo, '04-accept');
    await page.getByRole('button', { name: '确认受理' }).click();
    await expect(page.getByRole('link', { name: /打印受理通知书/ })).toBeVisible();
    expect(['accepted', 'in_approval']).toContain(await statusOf(filed.caseId));
    await page.getByRole('link', { name: /打印受理通知书/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '受理通知书' })).toBeVisible();
    await expect(page.getByRole('article')).toContainText('决定予以受理');
    await checkPage(page, testInfo, '05-print-acceptance-notice');
  });
});

test('a window clerk files a walk-in application for the applicant, hands over the receipt with its query code and scans a material', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openAsStaff(page, '/workbench/window/intake', tenantId, staff.clerk);
  await expect(page.getByRole('heading', { level: 1, name: '窗口收件' })).toBeVisible();
  await page.getByLabel('办理事项').selectOption({ label: `${planningItem.name}（${planningItem.code}）` });
  await expect(page.getByRole('heading', { name: '申请表' })).toBeVisible();

  await page.getByRole('button', { name: '提交收件' }).click();
  const summary = page.getByRole('alert').first();
  await expect(summary).toContainText('请填写收件窗口。');
  await expect(summary).toContainText('请填写申请人姓名（名称）');
  await checkPage(page, testInfo, '11-walk-in-errors');

  await page.getByLabel('收件窗口', { exact: true }).selectOption({ label: 'ZH-GTGH 国土规划综合窗口' });
  await page.getByRole('radio', { name: '单位' }).check();
  await page.getByLabel('申请人姓名（名称）').fill(builder.name);
  await page.getByLabel('证件类型').selectOption(builder.idType);
  await page.getByLabel('证件号码', { exact: true }).fill(builder.idNumber);
  await page.getByLabel('申请人手机号码').fill(builder.phone);
  for (const [label, value] of Object.entries(planningAnswers(builder))) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: '提交收件' }).click();

  const filedNote = page.getByRole('status').filter({ hasText: /已收件，办件编号/ });
  await expect(filedNote).toBeVisible();
  const caseId = /办件编号 (\S+?)。/.exec((await filedNote.textContent()) ?? '')?.[1] as string;
  const receipt = page.getByRole('region', { name: '申请回执（请交申请人收执）' });
  await expect(receipt).toContainText(caseId);
  await expect(receipt.locator('.wb-query-code')).toHaveText(/^[A-Z2-9]{8}$/);
  const scanned = pdfFile('walk-in-application.pdf', '建设工程规划许可申请表');
  await page.getByLabel(uploadLabel(materials.application)).setInputFiles({ name: scanned.name, mimeType: scanned.mimeType, buffer: scanned.buffer });
  await expect(page.getByText('已上传，校验通过').first()).toBeVisible();
  await checkPage(page, testInfo, '12-walk-in-receipt');

  await page.getByRole('link', { name: '进入受理审查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '受理审查' })).toBeVisible();
  await expect(page.getByRole('region', { name: '申请信息' })).toContainText('窗口收件');
  await expect(page.getByRole('row').filter({ hasText: materials.application.name })).toContainText('已提交');
});

test('a window clerk hands a completed result over at the window, and it leaves 待出件', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const completed = await aCompletedCase(resident);
  await openAsStaff(page, '/workbench/window/handover', tenantId, staff.clerk);
  await expect(page.getByRole('heading', { level: 1, name: '待出件' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: completed.caseId });
  await expect(row).toContainText('申请人未选择');
  await checkPage(page, testInfo, '21-handover-queue');
  await row.getByRole('button', { name: `窗口交付 ${completed.caseId}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${completed.caseId} 已出件。` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: completed.caseId })).toHaveCount(0);
});
