import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http";
import { listInvites } from "@/lib/invites/invites";
import { isAllowed } from "@/lib/policy";
import { standingIn } from "@/lib/rooms/access";
import { findRoomBySlug } from "@/lib/rooms/rooms";
import { InviteManager } from "../../../_components/invites/InviteManager";
import { Notice } from "../../../_components/Notice";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Invites & settings · Parley" };

export default async function InvitesPage({ params }: Props) {
  const { slug } = await params;
  const actor = await currentActor();
  if (actor?.kind !== "member") redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${slug}/invites`)}`);
  const room = await findRoomBySlug(slug).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  if (!isAllowed("manageInvites", await standingIn(actor, room), room)) {
    return <Notice title="Only the meeting's hosts can manage invites" />;
  }
  const invites = await listInvites(room.id);
  return (
    <div className="page wide">
      <h1>{room.name}</h1>
      <p className="muted">
        Invites and settings for <a href={`/r/${room.slug}`}>/r/{room.slug}</a>
      </p>
      <InviteManager
        slug={room.slug}
        invites={invites.map((invite) => ({ ...invite, expiresAt: invite.expiresAt?.toISOString() ?? null, createdAt: invite.createdAt.toISOString() }))}
        settings={{ joinPolicy: room.joinPolicy, allowGuests: room.allowGuests, maxParticipants: room.maxParticipants }}
      />
    </div>
  );
}
