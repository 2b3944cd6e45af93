import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http";
import { findRoomBySlug, type RoomForJoin } from "@/lib/rooms/rooms";
import { MeetingRoom } from "../../_components/meeting/MeetingRoom";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Meeting · Parley" };

async function roomOrNotFound(slug: string): Promise<RoomForJoin> {
  try {
    return await findRoomBySlug(slug);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function MeetingPage({ params }: Props) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${slug}`)}`);
  const room = await roomOrNotFound(slug);
  if (room.endedAt) {
    return (
      <div className="notice card">
        <h1>This meeting has ended</h1>
        <p className="muted">{room.name}</p>
      </div>
    );
  }
  return <MeetingRoom slug={room.slug} name={room.name} />;
}
