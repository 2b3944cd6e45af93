// What every page owes every visitor, checked the same way everywhere: no serious or critical
// accessibility problem that axe can find, and nothing wider than the screen.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

// Soft: a run reports every page's problems, not only the first page's.

/** axe's WCAG 2.1 A and AA rules on the page as it is now; fails on a serious or critical violation. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const grave = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  expect.soft(grave, `serious or critical accessibility violations on ${what}`).toEqual([]);
}

/** The document is no wider than the window: a wide table or bar scrolls inside its own box. */
export async function expectNoSidewaysOverflow(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  expect.soft(widths.document, `${what} is wider than the window`).toBeLessThanOrEqual(widths.window);
}

/** Both checks, at a phone's size and a laptop's, leaving the page at the size it had. */
export async function expectGoodOnEveryScreen(page: Page, what: string, settle?: () => Promise<void>) {
  const before = page.viewportSize();
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await settle?.();
    await expectNoSidewaysOverflow(page, `${what} at ${size.width}x${size.height}`);
    await expectAccessible(page, `${what} at ${size.width}x${size.height}`);
  }
  if (before) await page.setViewportSize(before);
}
