// Every page on a phone (390x844) and a laptop (1280x800): nothing wider than the screen (wide
// tables scroll in their own box) and no serious or critical problem axe can find. The meeting
// is checked with two people in it, its controls within reach on the phone.
import { expect, test } from "./fixtures";
import { expectGoodOnEveryScreen, PHONE } from "./screens";
import {
  chooseWhoWaits,
  createLinkInUi,
  expectRemoteVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  memberOpens,
  signInAsAdmin,
  tiles,
} from "./support";
import { newPerson } from "../support/factories";

test("the pages outside a meeting fit a phone and have no serious accessibility problem", async ({ openPage }) => {
  test.setTimeout(180_000);
  const visitor = await openPage({ permissions: [] });
  for (const [path, heading] of [
    ["/signin", "Sign in"],
    ["/signup", "Create your account"],
    ["/forgot-password", null],
    ["/reset-password?token=not-a-real-token", null],
    ["/confirm-email?token=not-a-real-token", null],
    ["/confirm-email/again", null],
    ["/j/not-a-real-invite", null],
  ] as const) {
    await visitor.goto(path);
    if (heading) await expect(visitor.getByRole("heading", { name: heading })).toBeVisible();
    await expectGoodOnEveryScreen(visitor, path);
  }

  const admin = await openPage();
  await signInAsAdmin(admin);
  await admin.getByLabel("Meeting name").fill("Screens review with a rather long name to wrap");
  await admin.getByRole("button", { name: "New meeting" }).click();
  await expect(admin).toHaveURL(/\/r\/[a-z-]+$/);
  const slug = new URL(admin.url()).pathname.split("/")[2]!;
  const link = await createLinkInUi(
    admin,
    slug,
    "participant",
    "A label long enough to make the table wider than a phone",
  );
  // The page a guest opens from that link, before joining.
  await visitor.goto(link);
  await expectGoodOnEveryScreen(visitor, "the invite link's page");

  const pages: [string, string][] = [
    ["/", "New meeting"],
    [`/r/${slug}/invites`, "Screens review"],
    [`/r/${slug}/history`, "Screens review"],
    ["/account", "Your account"],
    ["/check", "Connection check"],
    ["/admin", "Rooms"],
    ["/admin/users", "Users"],
    ["/admin/audit", "Audit log"],
    ["/admin/join-problems", "Join problems"],
  ];
  for (const [path, heading] of pages) {
    await admin.goto(path);
    await expect(admin.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    if (path === "/check")
      await expect(admin.getByTestId("connection-check")).not.toHaveAttribute("data-state", "running", {
        timeout: 60_000,
      });
    await expectGoodOnEveryScreen(admin, path);
  }
  await admin.setViewportSize(PHONE);
  await admin.goto("/admin/users");
  await admin.screenshot({ path: "docs/screenshots/admin-users-phone.png" });
  await admin.goto(`/r/${slug}/invites`);
  await admin.screenshot({ path: "docs/screenshots/invites-phone.png", fullPage: true });
});

test("the pre-join, the waiting room and the meeting fit a phone, with the controls in reach, and have no serious accessibility problem", async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const host = await openPage();
  const slug = await hostStartsMeeting(host, "Hana", "Phone check");
  await chooseWhoWaits(host, slug, "Everyone except hosts and co-hosts");
  await host.goto(`/r/${slug}`);
  await expect(host.getByTestId("prejoin-video")).toBeVisible();
  await expectGoodOnEveryScreen(host, "the pre-join screen");
  await joinFromPreJoin(host);
  await expect(tiles(host)).toHaveCount(1);

  const member = await openPage();
  await member.setViewportSize(PHONE);
  await memberOpens(member, newPerson("Mo"), slug);
  await joinFromPreJoin(member);
  await expect(member.getByTestId("waiting-room")).toBeVisible();
  await expectGoodOnEveryScreen(member, "the waiting room");

  const knocks = host.getByTestId("knock-list");
  await expect(knocks).toBeVisible();
  await expectGoodOnEveryScreen(host, "the meeting with someone at the door");
  await knocks.getByRole("button", { name: /^Admit Mo/ }).click();

  await expect(tiles(member)).toHaveCount(2);
  await expect(tiles(host)).toHaveCount(2);
  await expectRemoteVideoPlaying(member);
  await expectGoodOnEveryScreen(member, "the meeting");
  await expectGoodOnEveryScreen(host, "the host's meeting");

  // On the phone: every control is on the screen, and each tile is large enough to see a face.
  await member.setViewportSize(PHONE);
  const controls = member.getByRole("toolbar", { name: "Meeting controls" });
  for (const name of ["Microphone", "Camera", "Chat", "Leave"])
    await expect(controls.getByRole("button", { name, exact: true })).toBeInViewport({ ratio: 0.99 });
  for (const tile of await tiles(member).all()) {
    await expect(tile).toBeInViewport();
    const box = (await tile.boundingBox())!;
    expect(box.width).toBeGreaterThan(120);
    expect(box.height).toBeGreaterThan(80);
  }
  await member.screenshot({ path: "docs/screenshots/meeting-phone.png" });
});
