import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { hasRedeemed, inspectInvite, inviteRefusal } from "@/lib/invites/invites";
import { isAllowed, strongerStanding } from "@/lib/policy";
import { standingIn } from "@/lib/rooms/access";
import { ClientMessages, MEETING_MESSAGES } from "../../_components/ClientMessages";
import { MeetingRoom } from "../../_components/meeting/MeetingRoom";
import { Notice } from "../../_components/Notice";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invites.join");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invite = await inspectInvite(token);
  if (!invite) notFound();
  const actor = await currentActor();
  const t = await getTranslations("invites.join");
  const errorT = await getTranslations("errors");
  const locale = await getLocale();
  // A refused link says why, and nothing about the room behind it; whoever already came in
  // through it may come back.
  if (invite.state !== "valid" && !(await hasRedeemed(invite.id, actor))) {
    const refusal = inviteRefusal(invite.state);
    return (
      <Notice title={errorT(`codes.${refusal.code}.title`)}>
        {/* The server's details are written in English (as in lib/http.ts); the title says it in any language. */}
        {locale === DEFAULT_LOCALE ? `${refusal.message} ` : null}
        {t("askForNew")}
      </Notice>
    );
  }
  const { room } = invite;
  if (room.endedAt) return <Notice title={errorT("codes.room_ended.title")} />;

  const member = actor?.kind === "member" ? actor.user : null;
  const guestHere = actor?.kind === "guest" && actor.guest.roomId === room.id ? actor.guest : null;
  if (!member && !guestHere && (!room.allowGuests || invite.role === "cohost")) {
    return (
      <Notice
        title={t("signInTitle", { name: room.name })}
        action={{ href: `/signin?callbackUrl=${encodeURIComponent(`/j/${token}`)}`, label: t("signIn") }}
      >
        {invite.role === "cohost" ? t("cohostNeedsAccount") : t("noGuests")}
      </Notice>
    );
  }
  const standing = strongerStanding(await standingIn(actor, room), invite.role);
  return (
    <ClientMessages namespaces={MEETING_MESSAGES}>
      <MeetingRoom
        title={room.name}
        source={{ kind: "invite", token }}
        slug={member ? room.slug : null}
        roomSlug={room.slug}
        knownName={member?.name ?? guestHere?.displayName ?? null}
        publishes={standing !== "viewer"}
        canManage={member !== null && isAllowed("manageInvites", standing, room)}
        isGuest={!member}
        encrypted={room.e2ee}
      />
    </ClientMessages>
  );
}
