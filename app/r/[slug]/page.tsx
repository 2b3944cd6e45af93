import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http";
import { isAllowed } from "@/lib/policy";
import { standingIn } from "@/lib/rooms/access";
import { findRoomBySlug, type Room } from "@/lib/rooms/rooms";
import { ClientMessages, MEETING_MESSAGES } from "../../_components/ClientMessages";
import { MeetingRoom } from "../../_components/meeting/MeetingRoom";
import { Notice } from "../../_components/Notice";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting.page");
  return { title: t("title") };
}

async function roomOrNotFound(slug: string): Promise<Room> {
  try {
    return await findRoomBySlug(slug);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function MeetingPage({ params }: Props) {
  const { slug } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${slug}`)}`);
  const room = await roomOrNotFound(slug);
  const standing = await standingIn(actor, room);
  if (standing === "anonymous") redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${slug}`)}`);
  const errorT = await getTranslations("errors");
  if (!isAllowed("joinMeeting", standing, room)) {
    const t = await getTranslations("meeting.page");
    return <Notice title={errorT("codes.invite_required.title")}>{t("askForInvite")}</Notice>;
  }
  if (room.endedAt) return <Notice title={errorT("codes.room_ended.title")}>{room.name}</Notice>;
  return (
    <ClientMessages namespaces={MEETING_MESSAGES}>
      <MeetingRoom
        title={room.name}
        source={{ kind: "room", slug: room.slug }}
        slug={actor.kind === "member" ? room.slug : null}
        roomSlug={room.slug}
        knownName={actor.kind === "member" ? actor.user.name : actor.guest.displayName}
        publishes={standing !== "viewer"}
        canManage={isAllowed("manageInvites", standing, room)}
        isGuest={actor.kind === "guest"}
        encrypted={room.e2ee}
      />
    </ClientMessages>
  );
}
