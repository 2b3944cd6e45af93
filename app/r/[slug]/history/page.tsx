import type { Metadata } from "next";
import { roomForMemberPage } from "@/lib/rooms/guard";
import { listMeetings } from "@/lib/meetings/history";
import { when } from "../../../_components/format";
import { Notice } from "../../../_components/Notice";
import { DataTable } from "../../../_components/DataTable";
import { ChatText } from "../../../_components/ChatText";
import "../../../_components/meeting/in-meeting.css";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Past meetings · Parley" };

export default async function HistoryPage({ params }: Props) {
  const { slug } = await params;
  const { room, allowed } = await roomForMemberPage("viewHistory", slug, `/r/${slug}/history`);
  if (!allowed) {
    return <Notice title="Only the room's owner and administrators can see its past meetings" />;
  }
  const meetings = await listMeetings(room.id);
  return (
    <div className="page wide">
      <h1>{room.name}</h1>
      <p className="muted">
        Past meetings in <a href={`/r/${room.slug}`}>/r/{room.slug}</a>
      </p>
      {meetings.length === 0 ? <p className="muted">No meetings yet.</p> : null}
      {meetings.map((meeting) => (
        <section key={meeting.id} className="card" data-testid="meeting-record">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2>
              {when(meeting.startedAt.toISOString())}{" "}
              {meeting.endedAt ? null : <span className="muted">· live now</span>}
            </h2>
            <div className="row">
              <a
                className="button secondary"
                href={`/api/rooms/${room.slug}/meetings/${meeting.id}/attendance`}
                download
              >
                Download attendance (CSV)
              </a>
              <a className="button secondary" href={`/api/rooms/${room.slug}/meetings/${meeting.id}/chat`} download>
                Download chat (text)
              </a>
            </div>
          </div>
          <p className="muted">
            Ended {when(meeting.endedAt?.toISOString() ?? null)} · {meeting.minutes} min · at most{" "}
            {meeting.peakParticipants} {meeting.peakParticipants === 1 ? "person" : "people"}
          </p>
          <div className="history-columns">
            <div>
              <h3>Attendance</h3>
              <DataTable testId="attendance" label="Attendance" columns={["Name", "As", "Joined", "Left", "Minutes"]}>
                {meeting.attendance.map((stay, i) => (
                  <tr key={i}>
                    <td>{stay.name}</td>
                    <td>{stay.kind === "GUEST" ? "guest" : "member"}</td>
                    <td>{when(stay.joinedAt.toISOString())}</td>
                    <td>{stay.leftAt ? when(stay.leftAt.toISOString()) : "still there"}</td>
                    <td data-testid="minutes" data-seconds={stay.seconds}>
                      {stay.minutes}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
            <div data-testid="meeting-chat">
              <h3>Chat</h3>
              {meeting.chatCount === 0 ? <p className="muted">Nobody wrote in the chat.</p> : null}
              {meeting.chatCount > meeting.chat.length ? (
                <p className="muted">
                  The latest {meeting.chat.length} of {meeting.chatCount} messages; the download has them all.
                </p>
              ) : null}
              <ol className="chat-lines">
                {meeting.chat.map((message) => (
                  <li key={message.id} className="chat-line" data-testid="chat-line">
                    <span className="chat-meta">
                      <span className="chat-name">{message.name}</span>{" "}
                      <time dateTime={message.sentAt.toISOString()}>{when(message.sentAt.toISOString())}</time>
                    </span>
                    <ChatText text={message.text} />
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
