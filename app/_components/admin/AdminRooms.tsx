"use client";
// Every room on this server, with who is in it now. Polls the admin API so the live columns
// move on their own; search, filters and paging run on the server.
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Fragment, useEffect, useState } from "react";
import type { AdminRoomPage, LiveParticipant } from "@/lib/admin/room-list";
import { callApi } from "../api";
import { FormError } from "../FormError";
import type { Json } from "../json";
import { since, when } from "../format";
import { Pager } from "./Pager";
import { DataTable } from "../DataTable";

type Person = Json<LiveParticipant>;
type Query = { q: string; status: string; sort: string; dir: string; page: number };

const REFRESH_MS = 2000;

async function fetchRooms(query: Query) {
  const params = new URLSearchParams({ ...query, page: String(query.page) });
  if (!query.q) params.delete("q");
  return callApi<AdminRoomPage>(`/api/admin/rooms?${params}`, { method: "GET" });
}

function useRooms(query: Query) {
  const [data, setData] = useState<Json<AdminRoomPage> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    const refresh = () =>
      void fetchRooms(query).then((result) => {
        if (!current) return;
        if (result.ok) setData(result.body);
        setError(result.ok ? null : result.message);
      });
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [query, version]);
  return { data, error, reload: () => setVersion((n) => n + 1) };
}

export function AdminRooms() {
  const t = useTranslations("admin");
  const format = useFormatter();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState<Query>({ q: "", status: "all", sort: "created", dir: "desc", page: 1 });
  const { data, error, reload } = useRooms(query);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);

  // Search as one types, once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((current) => (current.q === search.trim() ? current : { ...current, q: search.trim(), page: 1 })),
      300,
    );
    return () => clearTimeout(timer);
  }, [search]);

  // Only whether it worked matters here: the list shows the outcome on reload.
  async function act(question: string, path: string, init: { method: string; json?: unknown }) {
    if (!window.confirm(question)) return;
    const result = await callApi<unknown>(path, init);
    setActionError(result.ok ? null : result.message);
    reload();
  }

  const toggle = (slug: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(slug)) next.add(slug);
      return next;
    });

  return (
    <div className="stack">
      <div className="row">
        <input
          type="search"
          aria-label={t("rooms.search")}
          placeholder={t("rooms.searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          aria-label={t("rooms.statusFilter")}
          value={query.status}
          onChange={(e) => setQuery({ ...query, status: e.target.value, page: 1 })}
        >
          <option value="all">{t("rooms.all")}</option>
          <option value="live">{t("rooms.status.live")}</option>
          <option value="idle">{t("rooms.status.idle")}</option>
          <option value="ended">{t("rooms.status.ended")}</option>
        </select>
        <select
          aria-label={t("rooms.sort")}
          value={`${query.sort}-${query.dir}`}
          onChange={(e) => {
            const [sort = "created", dir = "desc"] = e.target.value.split("-");
            setQuery({ ...query, sort, dir, page: 1 });
          }}
        >
          <option value="created-desc">{t("rooms.newestFirst")}</option>
          <option value="created-asc">{t("rooms.oldestFirst")}</option>
          <option value="name-asc">{t("rooms.nameAsc")}</option>
          <option value="name-desc">{t("rooms.nameDesc")}</option>
        </select>
      </div>
      <FormError message={error ?? actionError} />
      <DataTable
        testId="admin-rooms"
        label={t("rooms.table")}
        columns={[
          t("rooms.columns.room"),
          t("rooms.columns.owner"),
          t("rooms.columns.created"),
          t("rooms.columns.status"),
          t("rooms.columns.inItNow"),
          t("rooms.columns.liveSince"),
          t("rooms.columns.meetings"),
          "",
        ]}
      >
        {data?.rooms.map((room) => (
          <Fragment key={room.slug}>
            <tr data-testid="admin-room" data-slug={room.slug} data-status={room.status}>
              <td>
                {room.name}
                <div className="muted">{room.slug}</div>
              </td>
              <td>
                {room.owner.name}
                <div className="muted">{room.owner.email}</div>
              </td>
              <td>{when(format, room.createdAt)}</td>
              <td data-testid="room-status">{t(`rooms.status.${room.status}`)}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-expanded={expanded.has(room.slug)}
                  onClick={() => toggle(room.slug)}
                  disabled={room.participants.length === 0}
                  data-testid="participant-count"
                >
                  {room.participants.length}
                </button>
              </td>
              <td>{room.liveSince ? since(t, room.liveSince) : "—"}</td>
              <td>{room.totalMeetings}</td>
              <td>
                <span className="row">
                  <Link href={`/r/${room.slug}/history`}>{t("rooms.history")}</Link>
                  {room.status === "ended" ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void act(
                          t("rooms.reopenConfirm", { name: room.name }),
                          `/api/admin/rooms/${room.slug}/reopen`,
                          { method: "POST" },
                        )
                      }
                    >
                      {t("rooms.reopen")}
                    </button>
                  ) : (
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          room.status === "live"
                            ? t("rooms.endMeetingConfirm", { name: room.name })
                            : t("rooms.closeRoomConfirm", { name: room.name }),
                          `/api/admin/rooms/${room.slug}/end`,
                          { method: "POST" },
                        )
                      }
                    >
                      {room.status === "live" ? t("rooms.endMeeting") : t("rooms.closeRoom")}
                    </button>
                  )}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      void act(t("rooms.deleteConfirm", { name: room.name }), `/api/admin/rooms/${room.slug}`, {
                        method: "DELETE",
                      })
                    }
                  >
                    {t("rooms.delete")}
                  </button>
                </span>
              </td>
            </tr>
            {expanded.has(room.slug) && room.participants.length > 0 ? (
              <tr>
                <td colSpan={8}>
                  <ul className="room-list" data-testid="participants">
                    {room.participants.map((person) => (
                      <ParticipantRow
                        key={person.identity}
                        person={person}
                        onAct={(question, path, json) =>
                          void act(
                            question,
                            `/api/admin/rooms/${room.slug}/participants/${encodeURIComponent(person.identity)}/${path}`,
                            { method: "POST", json },
                          )
                        }
                      />
                    ))}
                  </ul>
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </DataTable>
      {data && data.rooms.length === 0 ? <p className="muted">{t("rooms.none")}</p> : null}
      <Pager page={query.page} result={data} noun="rooms" onPage={(page) => setQuery({ ...query, page })} />
    </div>
  );
}

function ParticipantRow({
  person,
  onAct,
}: {
  person: Person;
  onAct: (question: string, path: string, json?: unknown) => void;
}) {
  const t = useTranslations("admin");
  return (
    <li>
      <span>
        {person.name}{" "}
        <span className="muted">
          {person.kind === "GUEST" ? t("rooms.guest") : t("rooms.member")} · {since(t, person.joinedAt)}
        </span>
      </span>
      <span className="row">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onAct(t("rooms.muteMicrophoneConfirm", { name: person.name }), "mute", { source: "microphone" })
          }
        >
          {t("rooms.muteMicrophone")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => onAct(t("rooms.stopCameraConfirm", { name: person.name }), "mute", { source: "camera" })}
        >
          {t("rooms.stopCamera")}
        </button>
        <button type="button" onClick={() => onAct(t("rooms.removeConfirm", { name: person.name }), "remove")}>
          {t("rooms.remove")}
        </button>
      </span>
    </li>
  );
}
