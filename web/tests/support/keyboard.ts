import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moves the focus with Tab (forwards) until it is on `target`, as a keyboard user does; fails after `maxPresses`.
 * Every focus stop on the way must be visibly marked (an outline or a box shadow).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  // one element (a locator matching several fails here, not after the presses)
  const element = await target.elementHandle();
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await element.evaluate((candidate) => candidate === document.activeElement)) {
      await expectVisibleFocus(page);
      return;
    }
  }
  throw new Error(`${target} not reached with ${maxPresses} presses of Tab`);
}

/** The focused element shows where the focus is: an outline or a box shadow of non-zero width (WCAG 2.4.7). */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const indicator = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', visible: false, outline: '', shadow: '' };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''} “${(element.textContent ?? '').trim().slice(0, 20)}”`,
      visible: outline || shadow,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      shadow: style.boxShadow,
    };
  });
  expect.soft(indicator.visible, `visible focus on ${indicator.tag} (outline ${indicator.outline}; box-shadow ${indicator.shadow})`).toBe(true);
}
