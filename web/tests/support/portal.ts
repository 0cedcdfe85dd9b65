import { expect, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/**
 * What every step of a browser test does with the page it reached: waits for its one <h1>, runs axe, and keeps a
 * full-page screenshot as an artifact of the test (testInfo.outputPath).
 */
export async function checkPage(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toBeVisible();
  await expectNoAxeViolations(page, step, testInfo);
  await page.screenshot({ path: testInfo.outputPath(`${testInfo.project.name}-${step}.png`), fullPage: true });
}

/** The header's 长者模式 switch, a toggle button (aria-pressed); answers once the page has changed mode. */
export async function setElderMode(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: '长者模式' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', String(on));
  if (on) await expect(page.locator('html')).toHaveAttribute('data-mode', 'elder');
  else await expect(page.locator('html')).not.toHaveAttribute('data-mode', 'elder');
}

/** The body's computed font size in CSS pixels. */
export const bodyFontSize = (page: Page): Promise<number> => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));

/** A county page's path, e.g. countyPath('522732', 'items/GTGH-0001'). */
export const countyPath = (tenantId: string, rest = ''): string => `/${tenantId}/${rest}`;
