import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** The WCAG 2.1 A and AA rules a county portal is audited on (/work/shared/notes/web.md). */
const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe on the page as it is now; a violation fails the test (softly, so a journey goes on and reports every page) and
 * is printed with its rule, help text and the elements it found, and attached as JSON to the test's report.
 */
export async function expectNoAxeViolations(page: Page, label: string, testInfo?: TestInfo): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
  const mode = (await page.locator('html').getAttribute('data-mode')) === 'elder' ? '长者模式' : '标准模式';
  const where = `${label} (${mode}, ${page.viewportSize()?.width ?? '?'}px, ${new URL(page.url()).pathname})`;
  if (violations.length > 0 && testInfo) {
    await testInfo.attach(`axe ${where}`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
  }
  const described = violations
    .map(
      (violation) =>
        `  ${violation.id} [${violation.impact}] ${violation.help}\n${violation.nodes.map((node) => `    at ${node.target.join(' ')}`).join('\n')}`,
    )
    .join('\n');
  expect.soft(violations, `axe found ${violations.length} violation(s) on ${where}:\n${described}`).toEqual([]);
}
