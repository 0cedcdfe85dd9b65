import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { staff } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { county } from './support/platform';
import { openAsStaff } from './support/workbench';

/**
 * The workbench on a tablet (768 × 1024, touch), for each role: every page fits the width (a wide table scrolls inside
 * its frame, never the page), the navigation stays reachable, and axe finds nothing.
 */
const roles = [
  {
    staffId: staff.clerk,
    pages: [
      { path: '/workbench/window', heading: '待审查的申请' },
      { path: '/workbench/window/intake', heading: '窗口收件' },
      { path: '/workbench/window/handover', heading: '待出件' },
    ],
  },
  { staffId: 'GTJ-007', pages: [{ path: '/workbench/tasks', heading: '部门任务' }] },
  {
    staffId: 'JC-001',
    pages: [
      { path: '/workbench/supervision', heading: '督查看板' },
      { path: '/workbench/supervision/cases', heading: '在办件' },
      { path: '/workbench/audit', heading: '审计查询' },
      { path: '/workbench/rectifications', heading: '整改台账' },
      { path: '/workbench/staff-figures', heading: '月度考核' },
    ],
  },
] as const;

async function fitsTheTablet(page: Page, testInfo: TestInfo, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeVisible();
  // measured once the page has its data, not while it says 正在加载…
  await expect(page.getByText('正在加载…')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, path, testInfo);
  await page.screenshot({ path: testInfo.outputPath(`tablet${path.replaceAll('/', '-')}.png`), fullPage: true });
}

for (const role of roles) {
  test(`the pages of ${role.staffId} fit a tablet and pass axe`, async ({ page }, testInfo) => {
    await openAsStaff(page, role.pages[0].path, county.tenantId, role.staffId);
    for (const { path, heading } of role.pages) await fitsTheTablet(page, testInfo, path, heading);
  });
}
