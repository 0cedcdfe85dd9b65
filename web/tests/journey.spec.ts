import { expect, type Page, test } from '@playwright/test';
import { builder } from './support/accounts';
import { acceptCase, approveByEveryDepartment, certificateOf, handOver, planningAnswers, sendOneTimeNotice, statusOf } from './support/cases';
import { fillApplication, submitApplication, toCheckPage } from './support/apply';
import { signInAsCitizen } from './support/citizen-sign-in';
import { expectNoAxeViolations } from './support/axe';
import { pdfFile, pngFile } from './support/files';
import { guideSections, materials, uploadLabel } from './support/materials';
import { county, planningItem } from './support/platform';
import { checkPage, countyPath } from './support/portal';

/**
 * The journey, in the browser against the real local platform: a builder finds 建设工程规划许可证核发, reads
 * its guide, signs in, applies with two uploads, is sent a 一次性告知, supplies the material, is accepted and approved
 * (the window and the departments through the API with their staff tokens), chooses pickup, rates the service and
 * verifies the certificate. axe and a screenshot after each page.
 */

/** The <dd> of a <dt> of a description list: how the receipt shows 办件编号 and 查询码. */
const described = (page: Page, term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

test('a builder applies for a planning permit online, supplies a missing material, is approved, picks up, rates and verifies the certificate', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  let caseId = '';

  await test.step('finds the item on the home page', async () => {
    await page.goto(countyPath(county.tenantId));
    await checkPage(page, testInfo, '01-home');
    await page.getByLabel('搜索事项').fill('建设工程规划');
    await page.getByLabel('搜索事项').press('Enter');
    const result = page.getByRole('link', { name: planningItem.name, exact: true });
    await expect(result).toBeVisible();
    await checkPage(page, testInfo, '02-home-search');
    await result.click();
  });

  await test.step('reads the guide and applies online', async () => {
    await expect(page.getByRole('heading', { level: 1, name: planningItem.name })).toBeVisible();
    for (const section of guideSections) await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    await checkPage(page, testInfo, '03-guide');
    await page
      .getByRole('link', { name: '在线申报' })
      .or(page.getByRole('button', { name: '在线申报' }))
      .click();
  });

  await test.step('signs in with the phone and the SMS code', async () => {
    await expect(page.getByLabel('手机号码')).toBeVisible();
    await expectNoAxeViolations(page, '04-sign-in (local provider)', testInfo);
    await signInAsCitizen(page, builder.phone);
    await expect(page).toHaveURL(new RegExp(`/${county.tenantId}/apply/${planningItem.code}`));
  });

  await test.step('fills the form, checks the answers and submits', async () => {
    await checkPage(page, testInfo, '05-apply-form');
    await fillApplication(page, builder);
    await toCheckPage(page);
    await expect(page.getByText(planningAnswers(builder).项目名称)).toBeVisible();
    await checkPage(page, testInfo, '06-apply-check');
    await submitApplication(page);
  });

  await test.step('uploads two materials to the filed case; the receipt shows the case number and the query code', async () => {
    await page.getByLabel(uploadLabel(materials.application)).setInputFiles(pngFile('规划许可申请表.png'));
    await page.getByLabel(uploadLabel(materials.designScheme)).setInputFiles(pdfFile('总平面图及单体建筑方案.pdf', '设计方案'));
    await expect(page.getByText('已上传，校验通过')).toHaveCount(2, { timeout: 30_000 });
    await checkPage(page, testInfo, '07-apply-materials');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(described(page, '办件编号')).toHaveText(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    await expect(described(page, '查询码')).toHaveText(/^[23456789A-HJKMNP-Z]{8}$/);
    caseId = ((await described(page, '办件编号').textContent()) ?? '').trim();
    await checkPage(page, testInfo, '08-receipt');
  });

  await test.step('the window sends a one-time notice naming a material (staff API)', async () => {
    await sendOneTimeNotice(caseId, [{ materialId: materials.civilAirDefence.id, reason: '未提供防空地下室设计文件' }]);
  });

  await test.step('the citizen opens the case, reads the notice and supplies the material', async () => {
    await page.getByRole('link', { name: '查看办件' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '办理进度' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '一次性告知' })).toBeVisible();
    await checkPage(page, testInfo, '09-case-notice');
    await page.getByLabel(uploadLabel(materials.civilAirDefence)).setInputFiles(pdfFile('防空地下室设计文件.pdf', '人防设计'));
    await expect(page.getByText('已上传，校验通过')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '提交补正材料' }).click();
    // the case is back with the window: the notice is answered, the timeline records the supplement
    await expect(page.getByRole('heading', { level: 2, name: '一次性告知' })).toBeHidden();
    await expect(page.getByText('提交补正材料', { exact: true })).toBeVisible();
    await expect.poll(() => statusOf(caseId), { message: 'the case is back with the window after the supplement' }).toBe('submitted');
    await checkPage(page, testInfo, '10-case-supplied');
  });

  let certificateNo = '';
  await test.step('the window accepts and every department approves (staff API)', async () => {
    await acceptCase(caseId);
    await approveByEveryDepartment(caseId);
    certificateNo = await certificateOf(caseId);
  });

  await test.step('the citizen chooses pickup at the window; the window hands the result over', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '领取方式' })).toBeVisible();
    await checkPage(page, testInfo, '11-case-completed');
    await page.getByRole('radio', { name: '窗口领取' }).check();
    await page.getByRole('button', { name: '确认领取方式' }).click();
    await expect(page.getByRole('status').filter({ hasText: '领取方式已确认' })).toBeVisible();
    await checkPage(page, testInfo, '12-case-delivery-chosen');
    await handOver(caseId);
  });

  await test.step('the citizen rates the completion', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '服务评价' })).toBeVisible();
    const completion = page.locator('form').filter({ has: page.getByRole('radiogroup', { name: /办结环节/ }) });
    for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
      await expect(completion.getByRole('radio', { name: level, exact: true })).toBeVisible();
    await completion.getByRole('radio', { name: '满意', exact: true }).check();
    await completion.getByLabel('评价内容（选填）').fill('窗口指导耐心，网上申报方便。');
    await completion.getByRole('button', { name: '提交评价' }).click();
    await expect(page.getByText('感谢您的评价')).toBeVisible();
    await checkPage(page, testInfo, '13-case-reviewed');
  });

  await test.step('the certificate is in my certificates and verifies', async () => {
    await page.goto(countyPath(county.tenantId, 'my-certificates'));
    const certificate = page.getByRole('article').filter({ hasText: certificateNo });
    await expect(certificate).toBeVisible();
    await checkPage(page, testInfo, '14-my-certificates');
    await certificate.getByRole('link', { name: '核验', exact: true }).click();
    await expect(page).toHaveURL(/\/verify/);
    // the link may bring the number along and verify at once; entering it and asking again must answer the same
    await page.getByLabel('证照编号').fill(certificateNo);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await expect(page.getByText(/^核验通过/)).toBeVisible();
    await checkPage(page, testInfo, '15-verify');
  });
});
