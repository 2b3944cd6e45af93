// LiveKit's webhooks against the running app: only events LiveKit signed count, each is applied
// once, and they keep the record of meetings and of who attended. The participants are real
// (connected to the test LiveKit server), so the app's own reconciliation agrees with the events.
import { randomBytes } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { meetingsOf, ms, select, staysIn, withDatabase } from "../support/database";
import { hostWithRoom } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { joinMeeting, type InMeeting } from "../support/livekit";
import {
  deliverWebhook,
  joinedEvent,
  postWebhook,
  signWebhook,
  webhookEvent,
  type WebhookResponse,
} from "../support/webhooks";

async function hostInMeeting(label = "Host") {
  const { host, user, room } = await hostWithRoom(`${label}'s webhook room`, label);
  const { body } = await host.json<{ token: string }>(`/api/rooms/${room.slug}/token`, { method: "POST" });
  const member = await joinMeeting(body.token);
  onTestFinished(() => member.socket.close());
  return { host, user, room, member };
}

async function guestJoins(host: HttpClient, slug: string, name: string): Promise<InMeeting> {
  await host.letEveryoneIn(slug);
  const invite = await host.createInvite(slug, { role: "participant" });
  const { body } = await new HttpClient().redeem(invite.token, name);
  const guest = await joinMeeting(body.token);
  onTestFinished(() => guest.socket.close());
  return guest;
}

/** A whole second after now: webhook times have a resolution of one second. */
const secondsFromNow = (seconds: number) => new Date((Math.floor(Date.now() / 1000) + seconds) * 1000);
const deliveriesOf = (eventId: string) =>
  select<{ id: string }>(`SELECT "id" FROM "WebhookDelivery" WHERE "id" = ?`, eventId);
const accepted: WebhookResponse = { status: 200, body: { ok: true, duplicate: false } };

describe("LiveKit webhooks", () => {
  it("an unsigned or forged event is refused with 401 and the error body, and stores nothing", async () => {
    const { room, member } = await hostInMeeting();
    const event = joinedEvent(member);
    const body = JSON.stringify(event);
    const otherBody = JSON.stringify({ ...event, participant: { ...member.participant, name: "Someone else" } });
    const attempts = [
      { what: "no signature", authorization: undefined, code: "unsigned_webhook" },
      {
        what: "signed with another secret",
        authorization: await signWebhook(body, { secret: "not-the-livekit-secret-0123456789abcdef" }),
        code: "invalid_webhook_signature",
      },
      {
        what: "signed by another API key",
        authorization: await signWebhook(body, { key: "someone-else" }),
        code: "invalid_webhook_signature",
      },
      {
        what: "a valid signature over another body",
        authorization: await signWebhook(otherBody),
        code: "invalid_webhook_signature",
      },
    ];
    for (const { what, authorization, code } of attempts) {
      expect(await postWebhook(body, authorization), what).toEqual({
        status: 401,
        body: { error: { code, message: expect.any(String) } },
      });
    }
    expect(meetingsOf(room.slug)).toEqual([]);
    expect(staysIn(room.slug)).toEqual([]);
    expect(deliveriesOf(event.id)).toEqual([]);

    // The same body with LiveKit's own signature is taken: the refusals were about the signature.
    expect(await deliverWebhook(event)).toEqual(accepted);
    expect(meetingsOf(room.slug)).toHaveLength(1);
  });

  it("a signed participant_joined opens the meeting and records who came, as the owner's attendance CSV shows", async () => {
    const { host, user, room, member } = await hostInMeeting("Ada");
    const guest = await guestJoins(host, room.slug, "Gwen");
    expect(await deliverWebhook(joinedEvent(member))).toEqual(accepted);
    expect(await deliverWebhook(joinedEvent(guest))).toEqual(accepted);

    const meetings = meetingsOf(room.slug);
    expect(meetings).toEqual([
      expect.objectContaining({ livekitRoomSid: member.room.sid, endedAt: null, peakParticipants: 2 }),
    ]);
    expect(ms(meetings[0]!.startedAt)).toBe(member.joinedAt.getTime());
    const stays = staysIn(room.slug).map(({ identity, name, kind, joinedAt, leftAt }) => ({
      identity,
      name,
      kind,
      joinedAt: ms(joinedAt),
      leftAt,
    }));
    expect(stays).toEqual([
      { identity: user.id, name: user.name, kind: "MEMBER", joinedAt: member.joinedAt.getTime(), leftAt: null },
      {
        identity: guest.identity,
        name: "Gwen (guest)",
        kind: "GUEST",
        joinedAt: guest.joinedAt.getTime(),
        leftAt: null,
      },
    ]);

    const download = await host.request(`/api/rooms/${room.slug}/meetings/${meetings[0]!.id}/attendance`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = (await download.text())
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(",").slice(0, 4).join(","));
    expect(rows).toEqual([
      "name,kind,joined,left",
      `"${user.name}","member","${member.joinedAt.toISOString()}",""`,
      `"Gwen (guest)","guest","${guest.joinedAt.toISOString()}",""`,
    ]);
  });

  it("an event delivered more than once is applied once, and every later delivery is answered as a duplicate", async () => {
    const { host, room, member } = await hostInMeeting();
    const guest = await guestJoins(host, room.slug, "Twice");
    const first = joinedEvent(member);
    const body = JSON.stringify(first);
    const authorization = await signWebhook(body);
    expect(await postWebhook(body, authorization)).toEqual(accepted);
    expect(await postWebhook(body, authorization)).toEqual({ status: 200, body: { ok: true, duplicate: true } });

    // LiveKit may redeliver while the first delivery is still being handled.
    const second = joinedEvent(guest);
    const results = await Promise.all(Array.from({ length: 4 }, () => deliverWebhook(second)));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
    expect(results.map((result) => result.body.duplicate).sort()).toEqual([false, true, true, true]);

    expect(deliveriesOf(first.id)).toHaveLength(1);
    expect(deliveriesOf(second.id)).toHaveLength(1);
    expect(staysIn(room.slug).map((stay) => stay.participantSid)).toEqual([
      member.participant.sid,
      guest.participant.sid,
    ]);
    expect(meetingsOf(room.slug)).toEqual([expect.objectContaining({ peakParticipants: 2 })]);
  });

  it("a delivery that failed halfway is applied when LiveKit retries it, not taken for a duplicate", async () => {
    const { room, member } = await hostInMeeting();
    const body = JSON.stringify(joinedEvent(member));
    const authorization = await signWebhook(body);
    // Recording this meeting fails once: a trigger in the test database stands in for a passing
    // fault (a locked or full disk). LiveKit answers a 5xx by sending the same event again.
    const roomSid = String(member.room.sid);
    expect(roomSid).toMatch(/^RM_\w+$/);
    const trigger = `fail_${roomSid}`;
    withDatabase((database) =>
      database.exec(
        `CREATE TRIGGER "${trigger}" BEFORE INSERT ON "Meeting" WHEN NEW."livekitRoomSid" = '${roomSid}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      ),
    );
    let failed: WebhookResponse;
    try {
      failed = await postWebhook(body, authorization);
    } finally {
      withDatabase((database) => database.exec(`DROP TRIGGER "${trigger}"`));
    }
    expect(failed).toEqual({ status: 500, body: { error: { code: "internal", message: expect.any(String) } } });

    expect(await postWebhook(body, authorization)).toEqual(accepted);
    expect(meetingsOf(room.slug)).toEqual([expect.objectContaining({ livekitRoomSid: roomSid })]);
    expect(staysIn(room.slug).map((stay) => stay.participantSid)).toEqual([member.participant.sid]);
  });

  it("participant_left ends that stay; when the last one goes (here: connection aborted), the meeting ends", async () => {
    const { host, user, room, member } = await hostInMeeting();
    const guest = await guestJoins(host, room.slug, "Leaving");
    await deliverWebhook(joinedEvent(member));
    await deliverWebhook(joinedEvent(guest));
    const [meeting] = meetingsOf(room.slug);
    const stayOf = (identity: string) => staysIn(room.slug).find((stay) => stay.identity === identity)!;
    // Looked up by id: once the meeting has ended, a reconciliation pass may open another while
    // LiveKit still lists these (signal-only) participants.
    const meetingNow = () => meetingsOf(room.slug).find((row) => row.id === meeting!.id)!;

    const guestLeft = secondsFromNow(1);
    expect(
      await deliverWebhook(
        webhookEvent("participant_left", { room: guest.room, participant: guest.participant, at: guestLeft }),
      ),
    ).toEqual(accepted);
    expect(ms(stayOf(guest.identity).leftAt)).toBe(guestLeft.getTime());
    expect(stayOf(user.id).leftAt).toBeNull();
    expect(meetingNow().endedAt).toBeNull();

    const hostGone = secondsFromNow(2);
    const aborted = webhookEvent("participant_connection_aborted", {
      room: member.room,
      participant: member.participant,
      at: hostGone,
    });
    expect(await deliverWebhook(aborted)).toEqual(accepted);
    expect(ms(stayOf(user.id).leftAt)).toBe(hostGone.getTime());
    expect(ms(meetingNow().endedAt)).toBe(hostGone.getTime());
    expect(ms(stayOf(guest.identity).leftAt)).toBe(guestLeft.getTime());
  });

  it("room_finished ends the meeting and every stay still open", async () => {
    const { host, room, member } = await hostInMeeting();
    const guest = await guestJoins(host, room.slug, "Stayer");
    await deliverWebhook(joinedEvent(member));
    await deliverWebhook(joinedEvent(guest));
    const [meeting] = meetingsOf(room.slug);

    const finished = secondsFromNow(1);
    expect(await deliverWebhook(webhookEvent("room_finished", { room: member.room, at: finished }))).toEqual(accepted);
    expect(ms(meetingsOf(room.slug).find((row) => row.id === meeting!.id)!.endedAt)).toBe(finished.getTime());
    expect(staysIn(room.slug).map((stay) => ms(stay.leftAt))).toEqual([finished.getTime(), finished.getTime()]);
  });

  it("an event for a room Parley does not know is accepted and creates nothing", async () => {
    const letters = (n: number) => Array.from(randomBytes(n), (byte) => String.fromCharCode(97 + (byte % 26))).join("");
    const slug = `${letters(3)}-${letters(4)}-${letters(3)}`;
    const roomSid = `RM_${randomBytes(6).toString("hex")}`;
    const participantSid = `PA_${randomBytes(6).toString("hex")}`;
    const now = Math.floor(Date.now() / 1000);
    const event = webhookEvent("participant_joined", {
      room: { sid: roomSid, name: slug },
      participant: {
        sid: participantSid,
        identity: "stranger",
        name: "Stranger",
        joinedAt: String(now),
        attributes: { "parley.kind": "guest" },
      },
    });
    expect(await deliverWebhook(event)).toEqual(accepted);
    expect(select(`SELECT "id" FROM "Room" WHERE "slug" = ?`, slug)).toEqual([]);
    expect(select(`SELECT "id" FROM "Meeting" WHERE "livekitRoomSid" = ?`, roomSid)).toEqual([]);
    expect(select(`SELECT "id" FROM "Attendance" WHERE "participantSid" = ?`, participantSid)).toEqual([]);
  });

  it("a signed event without an id is a 400", async () => {
    const { room, member } = await hostInMeeting();
    expect(await deliverWebhook({ ...joinedEvent(member), id: "" })).toEqual({
      status: 400,
      body: { error: { code: "invalid_webhook", message: expect.any(String) } },
    });
    expect(meetingsOf(room.slug)).toEqual([]);
  });
});
