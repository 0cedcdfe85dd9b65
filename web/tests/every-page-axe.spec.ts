import { expect, type Page, test } from '@playwright/test';
import { resident } from './support/accounts';
import { fillApplication, submitApplication, toCheckPage } from './support/apply';
import { aCaseWithANotice, aCompletedCase } from './support/cases';
import { openAsCitizen } from './support/citizen-sign-in';
import { expectNoAxeViolations } from './support/axe';
import { materials } from './support/materials';
import { modes } from './support/modes';
import { county, planningItem } from './support/platform';
import { checkPage, countyPath, setElderMode } from './support/portal';

/**
 * axe (WCAG 2.1 A/AA) on every page of the portal, in the standard look and in 长者模式:
 * public: 首页 (and its search results), 办事指南 of an item and of a 一件事 bundle, 办件查询 (empty and sent empty),
 * 证照核验 (empty and not passed), 页面不存在; signed in: 在线申报 (form, its errors, check page, materials), 申报回执, 我的办件,
 * 办件详情 (with a 一次性告知, and completed with delivery and review), 我的证照.
 * The sign-in pages are the provider's (checked once in the journey); /auth/callback only passes through.
 */
const tenant = county.tenantId;
const bundle = { code: 'QYKB', name: '企业开办一件事' } as const;

/** Opens a page, waits for what shows it is loaded, runs the check. */
async function visit(page: Page, testInfo: Parameters<typeof checkPage>[1], step: string, path: string, loaded: (page: Page) => Promise<void>) {
  await page.goto(path);
  await loaded(page);
  await checkPage(page, testInfo, step);
}

for (const mode of modes) {
  test.describe(`every page in the ${mode.name} look`, () => {
    test(`public pages (${mode.name})`, async ({ page }, testInfo) => {
      await page.goto(countyPath(tenant));
      await setElderMode(page, mode.elder);
      await visit(page, testInfo, 'home', countyPath(tenant), async (p) => {
        await expect(p.getByLabel('搜索事项')).toBeVisible();
      });
      await page.getByLabel('搜索事项').fill('许可');
      await page.getByLabel('搜索事项').press('Enter');
      await expect(page.getByRole('link', { name: planningItem.name, exact: true })).toBeVisible();
      await checkPage(page, testInfo, 'home-results');
      await visit(page, testInfo, 'item-guide', countyPath(tenant, `items/${planningItem.code}`), async (p) => {
        await expect(p.getByRole('heading', { level: 1, name: planningItem.name })).toBeVisible();
      });
      await visit(page, testInfo, 'bundle-guide', countyPath(tenant, `bundles/${bundle.code}`), async (p) => {
        await expect(p.getByRole('heading', { level: 1, name: bundle.name })).toBeVisible();
      });
      await visit(page, testInfo, 'progress', countyPath(tenant, 'progress'), async (p) => {
        await expect(p.getByLabel('查询码')).toBeVisible();
      });
      await page.getByRole('button', { name: '查询' }).click();
      await checkPage(page, testInfo, 'progress-empty-submitted');
      await visit(page, testInfo, 'verify', '/verify', async (p) => {
        await expect(p.getByLabel('证照编号')).toBeVisible();
      });
      await page.getByLabel('证照编号').fill('522732-2026-CONSTRUCTION_PLANNING_PERMIT-0000000000AB');
      await page.getByRole('button', { name: '核验', exact: true }).click();
      await expect(
        page
          .getByText(/^核验未通过/)
          .or(page.getByRole('alert'))
          .first(),
      ).toBeVisible();
      await checkPage(page, testInfo, 'verify-not-passed');
      await expect(page.getByRole('button', { name: '核验所出示的证照' })).toBeVisible();
      await visit(page, testInfo, 'not-found', countyPath(tenant, 'no-such-page'), async (p) => {
        await expect(p.locator('h1')).toBeVisible();
      });
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });

    test(`signed-in pages (${mode.name})`, async ({ page }, testInfo) => {
      test.setTimeout(240_000);
      const noticed = await aCaseWithANotice(resident, { materialId: materials.civilAirDefence.id, reason: '未提供防空地下室设计文件' });
      const completed = await aCompletedCase(resident);
      await openAsCitizen(page, countyPath(tenant, 'my-cases'), resident.phone);
      await setElderMode(page, mode.elder);
      await expect(page.getByRole('link', { name: new RegExp(`${noticed.caseId}|${planningItem.name}`) }).first()).toBeVisible();
      await checkPage(page, testInfo, 'my-cases');
      await visit(page, testInfo, 'case-notice', countyPath(tenant, `my-cases/${noticed.caseId}`), async (p) => {
        await expect(p.getByRole('heading', { level: 2, name: '一次性告知' })).toBeVisible();
      });
      await visit(page, testInfo, 'case-completed', countyPath(tenant, `my-cases/${completed.caseId}`), async (p) => {
        await expect(p.getByRole('heading', { level: 2, name: '领取方式' })).toBeVisible();
      });
      await visit(page, testInfo, 'receipt', countyPath(tenant, `receipt/${noticed.caseId}`), async (p) => {
        await expect(p.getByText('办件编号').first()).toBeVisible();
      });
      await visit(page, testInfo, 'my-certificates', countyPath(tenant, 'my-certificates'), async (p) => {
        await expect(p.getByText(completed.certificateNo)).toBeVisible();
      });
      await visit(page, testInfo, 'apply-form', countyPath(tenant, `apply/${planningItem.code}`), async (p) => {
        await expect(p.getByLabel('项目名称', { exact: true })).toBeVisible();
      });
      // the form sent empty: the field errors are shown, announced and still pass axe
      await page.getByRole('button', { name: '下一步' }).click();
      await expectNoAxeViolations(page, 'apply-form-errors', testInfo);
      await fillApplication(page, resident);
      await toCheckPage(page);
      await checkPage(page, testInfo, 'apply-check');
      await submitApplication(page);
      await checkPage(page, testInfo, 'apply-materials');
    });
  });
}
