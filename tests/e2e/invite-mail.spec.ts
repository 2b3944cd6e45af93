// A host invites a named person by email from the invites page: the mail arrives (in the test
// Mailpit) with the meeting's name, who invited them, a calendar file a calendar library reads,
// and their personal link, through which they join; the link then lets nobody else in. An
// admin's invitation to make an account arrives the same way and works once.
import ICAL from "ical.js";
import { expect, test } from "./fixtures";
import { attachmentText, linkIn, waitForMail } from "../support/mailpit";
import { newPerson, TEST_ADMIN } from "../support/factories";
import { joinFromPreJoin, signInAsAdmin, signUpHere } from "./support";

test("a personal invitation by email, with a calendar file, lets the invitee join once", async ({
  openPage,
  baseURL,
}) => {
  const host = await openPage();
  const hostPerson = newPerson("Host");
  await host.goto("/signup");
  await signUpHere(host, hostPerson);
  await host.getByLabel("Meeting name").fill("Quarterly review");
  await host.getByRole("button", { name: "New meeting" }).click();
  await expect(host).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  const slug = new URL(host.url()).pathname.split("/")[2]!;
  // Not a test of the waiting room: the invitee comes straight in.
  expect((await host.request.patch(`/api/rooms/${slug}/settings`, { data: { waitingRoom: "NOBODY" } })).status()).toBe(
    200,
  );

  const invitee = newPerson("Invitee");
  await host.goto(`/r/${slug}/invites`);
  await host.getByLabel("A personal link for one person").check();
  await host.getByLabel("Their name").fill(invitee.name);
  await host.getByLabel("Their email").fill(invitee.email);
  // A month from now, as the browser's date-and-time field takes it (local time).
  const local = await host.evaluate(() => {
    const date = new Date(Date.now() + 30 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  });
  await host.getByLabel("Meeting starts").fill(local);
  await host.getByRole("button", { name: "Create link" }).click();
  await expect(host.getByTestId("new-invite").locator("code")).toContainText("/j/");
  const created = (await host.getByTestId("new-invite").locator("code").textContent())!;
  const row = host.getByTestId("invite-table").locator("tr", { hasText: invitee.email });
  await expect(row.getByTestId("invite-mail")).toContainText("Mailed");
  const startsAt = await host.evaluate((value) => new Date(value).toISOString(), local);

  const mail = await waitForMail(invitee.email);
  expect(mail.Subject).toBe(`${hostPerson.name} invited you to “Quarterly review”`);
  expect(mail.Text).toContain(`${hostPerson.name} invited you to the video meeting “Quarterly review”`);
  const link = linkIn(mail, `${baseURL}/j/`);
  expect(link).toBe(created);
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse(await attachmentText(mail, "invitation.ics"))).getFirstSubcomponent("vevent")!,
  );
  expect(event.summary).toBe("Quarterly review");
  expect(event.startDate.toJSDate().toISOString()).toBe(startsAt);
  expect(event.description).toContain(link);

  // Resending sends a second mail.
  await row.getByRole("button", { name: "Resend" }).click();
  await waitForMail(invitee.email, 2);

  const guest = await openPage();
  await guest.goto(link);
  await expect(guest.getByTestId("prejoin").getByRole("heading", { name: "Quarterly review" })).toBeVisible();
  await joinFromPreJoin(guest, { name: invitee.name });
  await expect(guest.locator(".lk-participant-tile")).toHaveCount(1);

  const forwarded = await openPage();
  await forwarded.goto(link);
  await expect(forwarded.getByRole("heading", { name: "This invite link has been used up" })).toBeVisible();
});

test("an admin's invitation to make an account arrives by mail and works once", async ({ page, openPage, baseURL }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/users");
  const invitee = newPerson("Newcomer");
  await page.getByLabel("Email to invite").fill(invitee.email);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("created-invitation")).toContainText(`Invitation for ${invitee.email} (Mail sent`);
  await expect(page.getByTestId("invitation-list").locator("tr", { hasText: invitee.email })).toContainText(
    "Open until",
  );

  const mail = await waitForMail(invitee.email);
  expect(mail.Subject).toBe(`${TEST_ADMIN.name} invited you to Parley`);
  const link = linkIn(mail, `${baseURL}/signup?invitation=`);

  const newcomer = await openPage({ permissions: [] });
  await newcomer.goto(link);
  await expect(newcomer.getByText(`${TEST_ADMIN.name} invited you to Parley.`)).toBeVisible();
  await expect(newcomer.getByLabel("Email")).toHaveValue(invitee.email);
  await newcomer.getByLabel("Your name").fill(invitee.name);
  await newcomer.getByLabel("Password").fill(invitee.password);
  await newcomer.getByRole("button", { name: "Create account" }).click();
  await expect(newcomer.getByTestId("signed-in-as")).toHaveText(invitee.name);

  const again = await openPage({ permissions: [] });
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation can't be used" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("invitation-list").locator("tr", { hasText: invitee.email })).toContainText(
    "Account made",
  );
});
