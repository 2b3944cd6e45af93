import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { listRoomsOwnedBy } from "@/lib/rooms/rooms";
import { ClientMessages } from "./_components/ClientMessages";
import { NewMeetingForm } from "./_components/NewMeetingForm";
import { CopyInviteLink } from "./_components/CopyInviteLink";

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const rooms = await listRoomsOwnedBy(user.id);
  const t = await getTranslations("home");
  return (
    <ClientMessages namespaces={["home", "invites.copyInviteLink"]}>
      <div className="page">
        <section className="card">
          <h1>{t("newMeeting")}</h1>
          <NewMeetingForm />
        </section>
        <section className="card">
          <h2>{t("yourRooms")}</h2>
          {rooms.length === 0 ? (
            <p className="muted">{t("noRooms")}</p>
          ) : (
            <ul className="room-list" data-testid="room-list">
              {rooms.map((room) => (
                <li key={room.slug}>
                  <span>
                    <Link href={`/r/${room.slug}`}>{room.name}</Link> <span className="muted">{room.slug}</span>
                    {room.endedAt ? <span className="muted"> · {t("ended")}</span> : null}
                  </span>
                  <span className="row">
                    <Link href={`/r/${room.slug}/invites`}>{t("invites")}</Link>
                    <Link href={`/r/${room.slug}/history`}>{t("history")}</Link>
                    <CopyInviteLink slug={room.slug} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
