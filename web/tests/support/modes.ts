import { expect, type Page, type TestInfo } from '@playwright/test';
import { bodyFontSize, checkPage, setElderMode } from './portal';

/** The two looks every page is audited in. */
export const modes = [
  { name: 'standard', elder: false },
  { name: 'elder', elder: true },
] as const;

/**
 * The page as it is now in the standard look and in 长者模式 (body type at least 18 px there), axe and a screenshot in
 * each; leaves the page in the standard look.
 */
export async function checkInBothModes(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  for (const mode of modes) {
    await setElderMode(page, mode.elder);
    if (mode.elder) expect.soft(await bodyFontSize(page), `body font size in 长者模式 on ${step}`).toBeGreaterThanOrEqual(18);
    await checkPage(page, testInfo, `${step}-${mode.name}`);
  }
  await setElderMode(page, false);
}

/** Nothing wider than the viewport: no sideways scrolling at 375 px. */
export async function expectNoSidewaysScroll(page: Page, step: string): Promise<void> {
  const { scrollWidth, viewport } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect.soft(scrollWidth, `${step}: the page is ${scrollWidth}px wide in a ${viewport}px viewport`).toBeLessThanOrEqual(viewport);
}
