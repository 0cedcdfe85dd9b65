import { expect, type Page } from '@playwright/test';
import { platformOrigin } from './platform';
import { newestCitizenCode } from './tokens';

/**
 * The citizen's sign-in in the browser, on the local provider's own pages, as a person does it: 手机号码, 获取验证码,
 * the 短信验证码 that arrived (the newest code for that phone in the SMS outbox), 登录; then back in the portal.
 * The page must be on the provider's phone page already (the portal sends a visitor there).
 */
export async function signInAsCitizen(page: Page, phone: string): Promise<void> {
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByLabel('短信验证码')).toBeVisible();
  // a code sent within the last minute is still the one to use (the provider's resend throttle)
  let code: string | undefined;
  await expect.poll(() => (code = newestCitizenCode(phone)), { message: `a sign-in code for ${phone}` }).toBeTruthy();
  await page.getByLabel('短信验证码').fill(code as string);
  await page.getByRole('button', { name: '登录' }).click();
  const portal = new URL(platformOrigin()).origin;
  await page.waitForURL((url) => url.origin === portal && !url.pathname.startsWith('/auth/'));
}

/** Opens a page of signed-in citizens (the portal sends the visitor to sign in first and brings them back to it). */
export async function openAsCitizen(page: Page, path: string, phone: string): Promise<void> {
  await page.goto(path);
  await signInAsCitizen(page, phone);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}
