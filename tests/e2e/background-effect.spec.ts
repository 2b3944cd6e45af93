import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { hostStartsMeeting, joinFromPreJoin, memberOpens } from "./support";

// Background blur and pictures, as the other person in the meeting sees them: the frames of the
// published camera track, decoded in the other browser. Headless Chromium here has no GPU
// (--disable-gpu): WebGL runs on SwiftShader, and the effect runs its model on the CPU there.
test.setTimeout(420_000);

type Look = { sharpness: number; red: number; green: number; blue: number };

/**
 * What a <video> shows now: how sharp the top band of the picture is (mean luminance step between
 * neighbouring pixels), and its mean colour. The synthetic camera draws a clock's digits and
 * corner squares in that band, well away from anything the model could take for a person, so it
 * is background; a blur smooths its edges away.
 */
const look = (video: Locator): Promise<Look> =>
  video.evaluate((element: HTMLVideoElement) => {
    // At one size whatever the resolution received (it climbs as the bandwidth estimate grows),
    // so that sharpness is compared like for like.
    // No frame yet (the video is still starting): nothing to see. NaN satisfies no comparison, so a
    // poll asks again rather than failing, or passing on a picture it never saw.
    if (element.videoWidth === 0 || element.videoHeight === 0)
      return { sharpness: NaN, red: NaN, green: NaN, blue: NaN };
    const width = 320;
    const height = Math.round((width * element.videoHeight) / element.videoWidth);
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    context.imageSmoothingQuality = "high";
    context.drawImage(element, 0, 0, width, height);
    const all = context.getImageData(0, 0, width, height).data;
    let red = 0;
    let green = 0;
    let blue = 0;
    for (let i = 0; i < all.length; i += 4) {
      red += all[i]!;
      green += all[i + 1]!;
      blue += all[i + 2]!;
    }
    const pixels = all.length / 4;
    const band = Math.max(2, Math.floor(height / 6));
    const top = context.getImageData(0, 0, width, band).data;
    const luminance = (i: number) => 0.299 * top[i]! + 0.587 * top[i + 1]! + 0.114 * top[i + 2]!;
    let steps = 0;
    let count = 0;
    for (let y = 0; y < band - 1; y++)
      for (let x = 0; x < width - 1; x++) {
        const i = (y * width + x) * 4;
        steps += Math.abs(luminance(i) - luminance(i + 4)) + Math.abs(luminance(i) - luminance(i + width * 4));
        count += 1;
      }
    return { sharpness: steps / count, red: red / pixels, green: green / pixels, blue: blue / pixels };
  });

/** The sharpest of a few looks: a single frame may be caught mid-way through a change. */
async function sharpness(video: Locator): Promise<number> {
  let best = 0;
  for (let i = 0; i < 3; i++) {
    best = Math.max(best, (await look(video)).sharpness);
    await video.page().waitForTimeout(200);
  }
  return best;
}

/** Every script and asset the page fetches, and which scripts hold the effect's code. */
function watchFetches(page: Page) {
  const urls: string[] = [];
  const effectChunks: string[] = [];
  const reading: Promise<void>[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    urls.push(url.pathname);
    if (/^\/_next\/static\/chunks\/.+\.js$/.test(url.pathname))
      reading.push(
        response.text().then(
          (body) => void (body.includes("selfie_segmentation.js") && effectChunks.push(url.pathname)),
          () => undefined,
        ),
      );
  });
  return {
    effectAssets: () => urls.filter((path) => path.startsWith("/effects/selfie-segmentation/")),
    effectChunks: async () => {
      await Promise.all(reading);
      return [...effectChunks];
    },
  };
}

const remoteVideo = (page: Page) =>
  page.locator('.lk-participant-tile[data-lk-local-participant="false"] video').first();

async function chooseInMeeting(page: Page, name: string) {
  const button = page.getByRole("button", { name: "Choose background" });
  await button.click();
  const menu = page.getByRole("dialog", { name: "Choose background" });
  await menu.getByRole("radio", { name }).check();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  return button;
}

test("blur and a background picture change what the others receive, only after being chosen, and the choice is remembered with a preview", async ({
  openPage,
}) => {
  const host = await openPage();
  await host.setViewportSize({ width: 1280, height: 800 });
  const fetched = watchFetches(host);
  const slug = await hostStartsMeeting(host, "Ada");
  await expect(host.getByTestId("background-picker").getByRole("radio", { name: "None" })).toBeChecked();
  await joinFromPreJoin(host);

  const bea = await openPage();
  await memberOpens(bea, newPerson("Bea"), slug);
  await joinFromPreJoin(bea);
  const received = remoteVideo(bea);
  await expect
    .poll(() => received.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 })
    .toBeGreaterThan(0);
  // The raw synthetic camera, as Bea receives it: sharp digits, green all over.
  await expect.poll(() => sharpness(received), { timeout: 30_000 }).toBeGreaterThan(2);
  const raw = await sharpness(received);
  const rawLook = await look(received);
  expect(rawLook.green).toBeGreaterThan(rawLook.blue + 40);
  expect(fetched.effectAssets(), "nothing of the effect before it is chosen").toEqual([]);
  expect(await fetched.effectChunks()).toEqual([]);

  // Blur on: the effect's code, WebAssembly and model arrive now, and Bea's picture is blurred.
  const button = await chooseInMeeting(host, "Blur");
  await expect(button).toHaveAttribute("data-status", "on", { timeout: 60_000 });
  expect(await fetched.effectChunks()).toHaveLength(1);
  expect(fetched.effectAssets()).toEqual(
    expect.arrayContaining([
      "/effects/selfie-segmentation/selfie_segmentation.js",
      expect.stringMatching(/^\/effects\/selfie-segmentation\/selfie_segmentation_solution_(simd_)?wasm_bin\.wasm$/),
      "/effects/selfie-segmentation/selfie_segmentation_landscape.tflite",
    ]),
  );
  await expect.poll(() => sharpness(received), { timeout: 30_000 }).toBeLessThan(raw * 0.5);

  // Blur off: the camera's own frames again.
  await chooseInMeeting(host, "None");
  await expect(button).toHaveAttribute("data-status", "off");
  await expect.poll(() => sharpness(received), { timeout: 30_000 }).toBeGreaterThan(raw * 0.75);

  // A picture: the sea's blues replace the green room.
  await chooseInMeeting(host, "Sea");
  await expect(button).toHaveAttribute("data-status", "on", { timeout: 60_000 });
  await expect
    .poll(async () => (await look(received)).blue - (await look(received)).green, { timeout: 30_000 })
    .toBeGreaterThan(10);

  // The choice is remembered: back on the pre-join screen it is chosen, and its preview shows it.
  await host.goto(`/r/${slug}`);
  const picker = host.getByTestId("background-picker");
  await expect(picker.getByRole("radio", { name: "Sea" })).toBeChecked();
  await expect(picker).toHaveAttribute("data-status", "on", { timeout: 60_000 });
  const preview = host.getByTestId("prejoin-video");
  await expect
    .poll(async () => (await look(preview)).blue - (await look(preview)).green, { timeout: 20_000 })
    .toBeGreaterThan(10);
  // Then, in the same preview, the raw camera against the blurred one.
  await picker.getByRole("radio", { name: "None" }).check();
  await expect(picker).toHaveAttribute("data-status", "off");
  await expect
    .poll(async () => (await look(preview)).green - (await look(preview)).blue, { timeout: 20_000 })
    .toBeGreaterThan(40);
  const rawPreview = await sharpness(preview);
  await picker.getByRole("radio", { name: "Blur" }).check();
  await expect(picker).toHaveAttribute("data-status", "on", { timeout: 60_000 });
  // Under heavy load this once stayed sharp for 20 s with the effect on: the figures seen say why if it recurs.
  const seen: number[] = [];
  const measured = async () => {
    seen.push(await sharpness(preview));
    return seen[seen.length - 1]!;
  };
  await expect
    .poll(measured, { timeout: 45_000 })
    .toBeLessThan(rawPreview * 0.5)
    .catch((error: unknown) => {
      throw new Error(`blurred preview against ${rawPreview.toFixed(2)} raw, seen ${seen.map((n) => n.toFixed(2))}`, {
        cause: error,
      });
    });
  await picker.getByRole("radio", { name: "None" }).check();
});

test("a browser that cannot run the effect is told so, loads none of it and sends its camera as it is", async ({
  openPage,
}) => {
  const host = await openPage();
  // A browser without WebGL (blocked by policy, or a driver Chromium refuses), which the effect needs.
  await host.context().addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      if (/webgl/.test(kind)) return null;
      return (getContext as (...args: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
    } as typeof getContext;
  });
  const fetched = watchFetches(host);
  const slug = await hostStartsMeeting(host, "Ada");
  const picker = host.getByTestId("background-picker");
  await picker.getByRole("radio", { name: "Blur" }).check();
  await expect(picker).toHaveAttribute("data-status", "unsupported");
  await expect(picker.getByRole("status")).toHaveText(/This browser cannot change your background/);
  const preview = host.getByTestId("prejoin-video");
  await expect
    .poll(async () => (await look(preview)).green - (await look(preview)).blue, { timeout: 20_000 })
    .toBeGreaterThan(40);
  await expect.poll(() => sharpness(preview), { timeout: 20_000 }).toBeGreaterThan(2);
  await joinFromPreJoin(host);

  const bea = await openPage();
  await memberOpens(bea, newPerson("Bea"), slug);
  await joinFromPreJoin(bea);
  const button = host.getByRole("button", { name: "Choose background" });
  await expect(button).toHaveAttribute("data-status", "unsupported");
  await button.click();
  await expect(host.getByRole("dialog", { name: "Choose background" }).getByRole("status")).toHaveText(
    /This browser cannot change your background/,
  );
  // Bea receives the camera's own sharp frames (the raw camera measures about 3.5 to 6 at this size, blurred
  // about 0.3).
  await expect.poll(() => sharpness(remoteVideo(bea)), { timeout: 30_000 }).toBeGreaterThan(2);
  expect(fetched.effectAssets()).toEqual([]);
  expect(await fetched.effectChunks()).toEqual([]);
});

test("in Russian on a phone, the background choices and the meeting's background menu fit the screen", async ({
  openPage,
  baseURL,
}) => {
  const page = await openPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const slug = await hostStartsMeeting(page, "Ada");
  await page.context().addCookies([{ name: "parley-locale", value: "ru", url: baseURL! }]);
  await page.goto(`/r/${slug}`);
  const picker = page.getByTestId("background-picker");
  await expect(picker.getByRole("radio", { name: "Размытие" })).toBeVisible();
  const withinScreen = (box: { x: number; width: number } | null) => !!box && box.x >= 0 && box.x + box.width <= 390;
  for (const option of await picker.locator("label").all()) expect(withinScreen(await option.boundingBox())).toBe(true);
  await page.getByTestId("prejoin").getByRole("button", { name: "Войти во встречу" }).click();
  await page.getByRole("button", { name: "Выбрать фон" }).click();
  const menu = page.getByRole("dialog", { name: "Выбрать фон" });
  await expect(menu.getByRole("radio", { name: "Кабинет" })).toBeVisible();
  expect(withinScreen(await menu.boundingBox()), JSON.stringify(await menu.boundingBox())).toBe(true);
  for (const option of await menu.locator("label").all()) expect(withinScreen(await option.boundingBox())).toBe(true);
});
