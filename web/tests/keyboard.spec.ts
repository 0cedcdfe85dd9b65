import { expect, test } from '@playwright/test';
import { otherResident } from './support/accounts';
import { aCompletedCase, fileAPlanningCase } from './support/cases';
import { openAsCitizen } from './support/citizen-sign-in';
import { expectVisibleFocus, tabTo } from './support/keyboard';
import { county, planningItem } from './support/platform';
import { checkPage, countyPath } from './support/portal';

/** Flows done with the keyboard alone (Tab, Enter, Space, arrows), each focus stop visibly marked. */
test.describe('keyboard only', () => {
  test('finds the item and opens its guide', async ({ page }, testInfo) => {
    await page.goto(countyPath(county.tenantId));
    const search = page.getByLabel('搜索事项');
    await tabTo(page, search);
    await page.keyboard.type('建设工程规划');
    await page.keyboard.press('Enter');
    const result = page.getByRole('link', { name: planningItem.name, exact: true });
    await expect(result).toBeVisible();
    await tabTo(page, result);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: planningItem.name })).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: '在线申报' }).or(page.getByRole('button', { name: '在线申报' })));
    await checkPage(page, testInfo, 'keyboard-guide');
  });

  test('switches 长者模式 on with Space', async ({ page }) => {
    await page.goto(countyPath(county.tenantId));
    const toggle = page.getByRole('button', { name: '长者模式' });
    await tabTo(page, toggle);
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-mode', 'elder');
    await expectVisibleFocus(page);
  });

  test('looks up the progress of a case', async ({ page }, testInfo) => {
    const filed = await fileAPlanningCase(otherResident);
    await page.goto(countyPath(county.tenantId, 'progress'));
    await tabTo(page, page.getByLabel('办件编号'));
    await page.keyboard.type(filed.caseId);
    await tabTo(page, page.getByLabel('查询码'), 3);
    await page.keyboard.type(filed.queryCode);
    await tabTo(page, page.getByRole('button', { name: '查询' }), 5);
    await page.keyboard.press('Space');
    await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日/).first()).toBeVisible();
    await checkPage(page, testInfo, 'keyboard-progress');
  });

  test('verifies a certificate number', async ({ page }, testInfo) => {
    await page.goto('/verify');
    await tabTo(page, page.getByLabel('证照编号'));
    await page.keyboard.type('522732-2026-CONSTRUCTION_PLANNING_PERMIT-0000000000AB');
    await tabTo(page, page.getByRole('button', { name: '核验', exact: true }), 5);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^核验未通过/)).toBeVisible();
    await checkPage(page, testInfo, 'keyboard-verify');
  });

  test('rates a completed case', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const completed = await aCompletedCase(otherResident);
    await openAsCitizen(page, countyPath(county.tenantId, `my-cases/${completed.caseId}`), otherResident.phone);
    // the completion's offer (the acceptance has one of its own above it)
    const completion = page.locator('form').filter({ has: page.getByRole('radiogroup', { name: /办结环节/ }) });
    await tabTo(page, completion.getByRole('radio', { name: '非常满意', exact: true }), 120);
    // a radio group: the arrows move between the five levels and choose
    await page.keyboard.press('ArrowDown');
    await expect(completion.getByRole('radio', { name: '满意', exact: true })).toBeChecked();
    await tabTo(page, completion.getByRole('button', { name: '提交评价' }), 15);
    await page.keyboard.press('Enter');
    await expect(page.getByText('感谢您的评价')).toBeVisible();
    await checkPage(page, testInfo, 'keyboard-review');
  });
});
