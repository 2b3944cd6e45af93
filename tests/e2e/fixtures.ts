// `openPage()` gives each simulated person a browser context of their own, and closes them all
// when the test ends (pass or fail): a page left open keeps publishing video and starves the
// next test of CPU.
import { test as base, type Page } from "@playwright/test";

type OpenPage = (options?: { permissions?: string[]; baseURL?: string }) => Promise<Page>;

const DEVICE_AND_CLIPBOARD = ["camera", "microphone", "clipboard-read", "clipboard-write"];

export const test = base.extend<{ openPage: OpenPage }>({
  openPage: async ({ browser, baseURL }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async ({ permissions = DEVICE_AND_CLIPBOARD, baseURL: url = baseURL } = {}) => {
      const context = await browser.newContext({ baseURL: url });
      contexts.push(context);
      if (permissions.length) await context.grantPermissions(permissions, { origin: url });
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect } from "@playwright/test";
