// `openPage()` gives each simulated person a browser context of their own, and closes them all
// when the test ends (pass or fail): a page left open keeps publishing video and starves the
// next test of CPU. Every page, `page` included, fails its test if the browser reports that
// the Content-Security-Policy blocked something: that is how we know the policy lets the app
// (and LiveKit) work. The same goes for a client component that was not handed its words.
import { test as base, expect, type Page } from "@playwright/test";

/** `locale`: the browser's language (its Accept-Language), e.g. "ru-RU". */
export type OpenPage = (options?: { permissions?: string[]; baseURL?: string; locale?: string }) => Promise<Page>;

const DEVICE_AND_CLIPBOARD = ["camera", "microphone", "clipboard-read", "clipboard-write"];

export function recordPolicyViolations(page: Page, violations: string[]): Page {
  page.on("console", (message) => {
    // next-intl's words for a key a client component was not handed (app/_components/ClientMessages.tsx).
    if (/Content Security Policy|MISSING_MESSAGE|INSUFFICIENT_PATH/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

export const test = base.extend<{ openPage: OpenPage; policyViolations: string[] }>({
  policyViolations: async ({}, use) => {
    const violations: string[] = [];
    await use(violations);
    expect(violations, "Content-Security-Policy violations and missing translations").toEqual([]);
  },
  page: async ({ page, policyViolations }, use) => {
    await use(recordPolicyViolations(page, policyViolations));
  },
  openPage: async ({ browser, baseURL, policyViolations }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async ({ permissions = DEVICE_AND_CLIPBOARD, baseURL: url = baseURL, locale } = {}) => {
      const context = await browser.newContext({ baseURL: url, ...(locale ? { locale } : {}) });
      contexts.push(context);
      if (permissions.length) await context.grantPermissions(permissions, { origin: url });
      return recordPolicyViolations(await context.newPage(), policyViolations);
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect } from "@playwright/test";
