import { expect, type Page } from '@playwright/test';
import type { Citizen } from './accounts';
import { planningAnswers } from './cases';

/**
 * The apply page's steps as a citizen goes through them: 填写申请信息 (the applicant, prefilled from the account but
 * for the ID number, and the item's fields) → 核对申报信息 and 确认提交, which files the case → 上传材料 to it.
 */
export async function fillApplication(page: Page, citizen: Citizen): Promise<void> {
  await page.getByLabel('证件号码', { exact: true }).fill(citizen.idNumber);
  for (const [label, value] of Object.entries(planningAnswers(citizen))) await page.getByLabel(label, { exact: true }).fill(value);
}

export async function toCheckPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '核对申报信息' })).toBeVisible();
}

/** 确认提交 on the check page; answers once the materials step of the filed case shows. */
export async function submitApplication(page: Page): Promise<void> {
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '上传材料' })).toBeVisible();
}
