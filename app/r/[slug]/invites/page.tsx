import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { roomForMemberPage } from "@/lib/rooms/guard";
import { listInvites } from "@/lib/invites/invites";
import { ClientMessages } from "../../../_components/ClientMessages";
import { InviteManager } from "../../../_components/invites/InviteManager";
import { Notice } from "../../../_components/Notice";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invites");
  return { title: t("metaTitle") };
}

export default async function InvitesPage({ params }: Props) {
  const { slug } = await params;
  const { room, allowed } = await roomForMemberPage("manageInvites", slug, `/r/${slug}/invites`);
  const t = await getTranslations("invites");
  if (!allowed) {
    return <Notice title={t("notAllowed")} />;
  }
  const invites = await listInvites(room.id);
  return (
    <div className="page wide">
      <h1>{room.name}</h1>
      <p className="muted">
        {t.rich("subtitle", { slug: room.slug, link: (chunks) => <a href={`/r/${room.slug}`}>{chunks}</a> })}
      </p>
      <ClientMessages namespaces={["invites"]}>
        <InviteManager
          slug={room.slug}
          invites={invites.map((invite) => ({
            ...invite,
            expiresAt: invite.expiresAt?.toISOString() ?? null,
            createdAt: invite.createdAt.toISOString(),
            mail: invite.mail && { ...invite.mail, sentAt: invite.mail.sentAt?.toISOString() ?? null },
          }))}
          settings={{
            joinPolicy: room.joinPolicy,
            allowGuests: room.allowGuests,
            maxParticipants: room.maxParticipants,
            waitingRoom: room.waitingRoom,
            e2ee: room.e2ee,
          }}
          locked={room.lockedAt !== null}
        />
      </ClientMessages>
    </div>
  );
}
