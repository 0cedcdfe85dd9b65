import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { outboxFile, platformOrigin } from './platform';

/**
 * The staff sign-in in the browser, on the local provider's own pages, as a member of staff does it: 县（区）代码,
 * 工号, 获取验证码, then the 短信验证码 sent to the account's phone (the newest valid code for that account in the
 * SMS outbox), 登录; then back in the workbench.
 */
interface OutboxStaffCode {
  readonly kind?: string;
  readonly audience?: string;
  readonly tenantId?: string;
  readonly staffId?: string;
  readonly code?: string;
  readonly expiresAt?: string;
}

function newestStaffCode(tenantId: string, staffId: string): string | undefined {
  const file = outboxFile();
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse();
  for (const text of lines) {
    const line = JSON.parse(text) as OutboxStaffCode;
    if (line.kind === 'sign-in-code' && line.audience === 'staff' && line.tenantId === tenantId && line.staffId?.toUpperCase() === staffId.toUpperCase()) {
      return line.expiresAt && Date.parse(line.expiresAt) > Date.now() ? line.code : undefined;
    }
  }
  return undefined;
}

/** Opens a workbench page: the workbench sends the visitor to the staff sign-in first and brings them back to it. */
export async function openAsStaff(page: Page, path: string, tenantId: string, staffId: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('县（区）代码').fill(tenantId);
  await page.getByLabel('工号').fill(staffId);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByLabel('短信验证码')).toBeVisible();
  let code: string | undefined;
  await expect.poll(() => (code = newestStaffCode(tenantId, staffId)), { message: `a sign-in code for ${staffId}` }).toBeTruthy();
  await page.getByLabel('短信验证码').fill(code as string);
  await page.getByRole('button', { name: '登录' }).click();
  const workbench = new URL(platformOrigin()).origin;
  await page.waitForURL((url) => url.origin === workbench && url.pathname === path);
}
