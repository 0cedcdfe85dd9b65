import { expect, test } from '@playwright/test';
import { resident } from './support/accounts';
import { fillApplication, submitApplication, toCheckPage } from './support/apply';
import { aCaseWithANotice, aCompletedCase } from './support/cases';
import { openAsCitizen } from './support/citizen-sign-in';
import { materials, uploadLabel } from './support/materials';
import { checkInBothModes, expectNoSidewaysScroll } from './support/modes';
import { county, planningItem } from './support/platform';
import { bodyFontSize, countyPath, setElderMode } from './support/portal';

/**
 * 掌上办: the journey's key pages at 375 px (the mobile-375 project), each in the standard look and in 长者模式, with
 * axe in both; the elder mode really enlarges the type and is remembered.
 */
test.describe('key pages at 375 px, standard and 长者模式', () => {
  test('长者模式 enlarges the body type to at least 18 px and is remembered after a reload', async ({ page }, testInfo) => {
    await page.goto(countyPath(county.tenantId));
    const standard = await bodyFontSize(page);
    await setElderMode(page, true);
    const elder = await bodyFontSize(page);
    expect(elder).toBeGreaterThanOrEqual(18);
    expect(elder).toBeGreaterThan(standard);
    await page.reload();
    await expect(page.getByRole('button', { name: '长者模式' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-mode', 'elder');
    expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: testInfo.outputPath('elder-after-reload.png'), fullPage: true });
  });

  test('home and guide', async ({ page }, testInfo) => {
    await page.goto(countyPath(county.tenantId));
    await expect(page.getByLabel('搜索事项')).toBeVisible();
    await expectNoSidewaysScroll(page, 'home');
    await checkInBothModes(page, testInfo, 'home');
    await page.getByLabel('搜索事项').fill('建设工程规划');
    await page.getByLabel('搜索事项').press('Enter');
    await page.getByRole('link', { name: planningItem.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: planningItem.name })).toBeVisible();
    await expectNoSidewaysScroll(page, 'guide');
    await checkInBothModes(page, testInfo, 'guide');
  });

  test('apply: the form, the check page and the materials step', async ({ page }, testInfo) => {
    await openAsCitizen(page, countyPath(county.tenantId, `apply/${planningItem.code}`), resident.phone);
    await expect(page.getByLabel('项目名称', { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page, 'apply-form');
    await checkInBothModes(page, testInfo, 'apply-form');
    await fillApplication(page, resident);
    await toCheckPage(page);
    await expectNoSidewaysScroll(page, 'apply-check');
    await checkInBothModes(page, testInfo, 'apply-check');
    await submitApplication(page);
    await expect(page.getByLabel(uploadLabel(materials.application))).toBeAttached();
    await expectNoSidewaysScroll(page, 'apply-materials');
    await checkInBothModes(page, testInfo, 'apply-materials');
  });

  test('case pages: a one-time notice, and a completed case with delivery and review', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const noticed = await aCaseWithANotice(resident, { materialId: materials.civilAirDefence.id, reason: '未提供防空地下室设计文件' });
    const completed = await aCompletedCase(resident);
    await openAsCitizen(page, countyPath(county.tenantId, `my-cases/${noticed.caseId}`), resident.phone);
    await expect(page.getByRole('heading', { level: 2, name: '一次性告知' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'case-notice');
    await checkInBothModes(page, testInfo, 'case-notice');
    await page.goto(countyPath(county.tenantId, `my-cases/${completed.caseId}`));
    await expect(page.getByRole('heading', { level: 2, name: '领取方式' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '服务评价' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'case-completed');
    await checkInBothModes(page, testInfo, 'case-completed');
  });

  test('verify', async ({ page }, testInfo) => {
    const completed = await aCompletedCase(resident);
    await page.goto('/verify');
    await expectNoSidewaysScroll(page, 'verify');
    await checkInBothModes(page, testInfo, 'verify');
    await page.getByLabel('证照编号').fill(completed.certificateNo);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await expect(page.getByText(/^核验通过/)).toBeVisible();
    await expectNoSidewaysScroll(page, 'verify-result');
    await checkInBothModes(page, testInfo, 'verify-result');
  });
});
