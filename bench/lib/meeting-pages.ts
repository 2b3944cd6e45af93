// Chromium pages in a meeting, for the benchmarks that need people in a room: each joins through
// the pre-join screen as a person signed up beforehand (their session cookie), publishing its
// synthetic camera and microphone or not.
import type { Browser, Page } from "@playwright/test";
import type { BenchStack } from "./stack";

// tsx (esbuild, keepNames) wraps named inner functions in __name(): a page running one needs it too.
export const DEFINE_NAME_HELPER = "globalThis.__name = (target) => target;";

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cookiesFor(header: string, appUrl: string) {
  return header.split("; ").map((pair) => {
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: appUrl };
  });
}

/** A new context of `browser`, signed in with `cookie`, that joins the meeting at `url` (Playwright's viewport unless given). */
export async function joinMeeting(
  browser: Browser,
  stack: BenchStack,
  url: string,
  cookie: string,
  {
    publish,
    viewport,
    initScripts = [],
  }: { publish: boolean; viewport?: { width: number; height: number }; initScripts?: (() => void)[] },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.appUrl, viewport });
  await context.addCookies(cookiesFor(cookie, stack.appUrl));
  await context.grantPermissions(["camera", "microphone"], { origin: stack.appUrl });
  await context.addInitScript(DEFINE_NAME_HELPER);
  for (const script of initScripts) await context.addInitScript(script);
  const page = await context.newPage();
  await page.goto(url);
  const prejoin = page.getByTestId("prejoin");
  await prejoin.getByTestId("prejoin-video").waitFor({ state: "visible" });
  if (!publish) {
    await prejoin.getByRole("button", { name: "Turn camera off" }).click();
    await prejoin.getByRole("button", { name: "Mute microphone" }).click();
  }
  await page.getByRole("button", { name: "Join meeting" }).click();
  return page;
}

/** Resolves once the page shows a video with frames: someone else's, or (`"local"`) its own. */
export const videoPlaying = (page: Page, whose: "remote" | "local" = "remote") =>
  page.waitForFunction(
    (local) =>
      [
        ...document.querySelectorAll<HTMLVideoElement>(
          `.lk-participant-tile[data-lk-local-participant="${local}"] video`,
        ),
      ].some((video) => video.videoWidth > 0),
    whose === "local",
    { timeout: 60_000 },
  );

/** Resolves once the page shows someone else's video with frames. */
export const remoteVideoPlaying = (page: Page) => videoPlaying(page, "remote");
