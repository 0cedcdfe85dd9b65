import { expect, test } from '@playwright/test';
import { resident } from './support/accounts';
import { createClient, expectData } from '../../scripts/api/client';
import { fileAPlanningCase } from './support/cases';
import { county, platformOrigin } from './support/platform';
import { checkPage, countyPath } from './support/portal';

/** 办件查询 without signing in: the receipt's case number and query code show the status and dates only. */
test.describe('progress lookup without sign-in', () => {
  let receipt: { caseId: string; queryCode: string };
  let statusLabel = '';

  test.beforeAll(async () => {
    const filed = await fileAPlanningCase(resident);
    receipt = { caseId: filed.caseId, queryCode: filed.queryCode };
    // the status in Chinese as the public route answers it, which the page must show
    const progress = await createClient({ baseUrl: platformOrigin() }).POST('/v1/tenants/{tenantId}/case-progress', {
      params: { path: { tenantId: county.tenantId } },
      body: receipt,
    });
    statusLabel = expectData('POST case-progress', progress).statusLabel;
  });

  test('the case number and the query code show the status', async ({ page }, testInfo) => {
    await page.goto(countyPath(county.tenantId, 'progress'));
    await checkPage(page, testInfo, 'progress-empty');
    await page.getByLabel('办件编号').fill(receipt.caseId);
    await page.getByLabel('查询码').fill(receipt.queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText(statusLabel, { exact: true })).toBeVisible();
    await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日/).first()).toBeVisible();
    // status and dates only: nothing of the applicant
    await expect(page.getByText(resident.name)).toHaveCount(0);
    await expect(page.getByText(resident.phone)).toHaveCount(0);
    await checkPage(page, testInfo, 'progress-found');
  });

  test('a wrong query code is refused with a Chinese message', async ({ page }, testInfo) => {
    await page.goto(countyPath(county.tenantId, 'progress'));
    await page.getByLabel('办件编号').fill(receipt.caseId);
    await page.getByLabel('查询码').fill(receipt.queryCode === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH');
    await page.getByRole('button', { name: '查询' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: /[\u4e00-\u9fff]/ });
    await expect(refusal.first()).toBeVisible();
    // the Chinese message only, never the API's English half (the case number typed in may be quoted back)
    const message = (await refusal.first().textContent()) ?? '';
    expect(message.replace(receipt.caseId, ''), `the refusal: ${message}`).not.toMatch(/[A-Za-z]{3,}/);
    await expect(page.getByText(statusLabel, { exact: true })).toHaveCount(0);
    await checkPage(page, testInfo, 'progress-refused');
  });
});
