import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { roomForMemberPage } from "@/lib/rooms/guard";
import { listMeetings } from "@/lib/meetings/history";
import { recordingEnabled } from "@/lib/recordings/recorder-client";
import { listRecordings } from "@/lib/recordings/recordings";
import { RecordingsList } from "../../../_components/recordings/RecordingsList";
import { when } from "../../../_components/format";
import { Notice } from "../../../_components/Notice";
import { DataTable } from "../../../_components/DataTable";
import { ChatText } from "../../../_components/ChatText";
import "../../../_components/meeting/in-meeting.css";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("metaTitle") };
}

export default async function HistoryPage({ params }: Props) {
  const { slug } = await params;
  const { room, allowed } = await roomForMemberPage("viewHistory", slug, `/r/${slug}/history`);
  const t = await getTranslations("history");
  if (!allowed) {
    // Co-hosts may watch the recordings, not see who came.
    const { allowed: mayWatch } = await roomForMemberPage("watchRecordings", slug, `/r/${slug}/history`);
    if (!mayWatch) return <Notice title={t("notAllowed")} />;
    return (
      <div className="page wide">
        <h1>{room.name}</h1>
        <p className="muted">{t("recordings.notAllowedHistory")}</p>
        <RecordingsList slug={room.slug} recordings={await listRecordings(room.id)} />
      </div>
    );
  }
  const format = await getFormatter();
  const meetings = await listMeetings(room.id);
  const recordings = await listRecordings(room.id);
  return (
    <div className="page wide">
      <h1>{room.name}</h1>
      <p className="muted">
        {t.rich("subtitle", { slug: room.slug, link: (chunks) => <a href={`/r/${room.slug}`}>{chunks}</a> })}
      </p>
      {recordings.length > 0 || recordingEnabled() ? <RecordingsList slug={room.slug} recordings={recordings} /> : null}
      {meetings.length === 0 ? <p className="muted">{t("none")}</p> : null}
      {meetings.map((meeting) => (
        <section key={meeting.id} className="card" data-testid="meeting-record">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2>
              {when(format, meeting.startedAt)} {meeting.endedAt ? null : <span className="muted">{t("liveNow")}</span>}
            </h2>
            <div className="row">
              <a
                className="button secondary"
                href={`/api/rooms/${room.slug}/meetings/${meeting.id}/attendance`}
                download
              >
                {t("downloadAttendance")}
              </a>
              <a className="button secondary" href={`/api/rooms/${room.slug}/meetings/${meeting.id}/chat`} download>
                {t("downloadChat")}
              </a>
            </div>
          </div>
          <p className="muted">
            {t("summary", {
              ended: when(format, meeting.endedAt),
              minutes: meeting.minutes,
              peak: meeting.peakParticipants,
            })}
          </p>
          <div className="history-columns">
            <div>
              <h3>{t("attendance.title")}</h3>
              <DataTable
                testId="attendance"
                label={t("attendance.table")}
                columns={[
                  t("attendance.columns.name"),
                  t("attendance.columns.as"),
                  t("attendance.columns.joined"),
                  t("attendance.columns.left"),
                  t("attendance.columns.minutes"),
                ]}
              >
                {meeting.attendance.map((stay, i) => (
                  <tr key={i}>
                    <td>{stay.name}</td>
                    <td>{stay.kind === "GUEST" ? t("attendance.guest") : t("attendance.member")}</td>
                    <td>{when(format, stay.joinedAt)}</td>
                    <td>{stay.leftAt ? when(format, stay.leftAt) : t("attendance.stillThere")}</td>
                    <td data-testid="minutes" data-seconds={stay.seconds}>
                      {stay.minutes}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
            <div data-testid="meeting-chat">
              <h3>{t("chat.title")}</h3>
              {meeting.chatCount === 0 ? <p className="muted">{t("chat.none")}</p> : null}
              {meeting.chatCount > meeting.chat.length ? (
                <p className="muted">{t("chat.latest", { shown: meeting.chat.length, total: meeting.chatCount })}</p>
              ) : null}
              <ol className="chat-lines">
                {meeting.chat.map((message) => (
                  <li key={message.id} className="chat-line" data-testid="chat-line">
                    <span className="chat-meta">
                      <span className="chat-name">{message.name}</span>{" "}
                      <time dateTime={message.sentAt.toISOString()}>{when(format, message.sentAt)}</time>
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
