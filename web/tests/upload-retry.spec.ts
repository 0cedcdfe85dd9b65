import { expect, test } from '@playwright/test';
import { otherResident } from './support/accounts';
import { fillApplication, submitApplication, toCheckPage } from './support/apply';
import { openAsCitizen } from './support/citizen-sign-in';
import { pdfFile } from './support/files';
import { materials, uploadLabel } from './support/materials';
import { county, planningItem, platformOrigin } from './support/platform';
import { checkPage, countyPath } from './support/portal';

/**
 * A material upload that fails on the way to storage (the presigned PUT is cut off once) shows 上传失败 with
 * 重新上传, and the retry goes through to the server's verification.
 */
test('a failed upload is retried and then verified', async ({ page }, testInfo) => {
  await openAsCitizen(page, countyPath(county.tenantId, `apply/${planningItem.code}`), otherResident.phone);
  await fillApplication(page, otherResident);
  await toCheckPage(page);
  await submitApplication(page);

  // the bytes go straight to storage with a PUT to the presigned URL: the only PUT the portal sends
  const portal = new URL(platformOrigin()).origin;
  let cutOff = 0;
  await page.route(
    (url) => url.origin !== portal,
    async (route) => {
      if (route.request().method() === 'PUT' && cutOff === 0) {
        cutOff += 1;
        return route.abort('connectionreset');
      }
      return route.fallback();
    },
  );

  const input = page.getByLabel(uploadLabel(materials.designScheme));
  await input.setInputFiles(pdfFile('总平面图.pdf', '设计方案'));
  await expect(page.getByText('上传失败')).toBeVisible({ timeout: 30_000 });
  expect(cutOff, 'the presigned PUT was attempted and cut off').toBe(1);
  await checkPage(page, testInfo, 'upload-failed');

  await page.getByRole('button', { name: '重新上传' }).click();
  await expect(page.getByText('已上传，校验通过')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('上传失败')).toHaveCount(0);
  await checkPage(page, testInfo, 'upload-retried');
});
