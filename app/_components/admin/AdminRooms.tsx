"use client";
// Every room on this server, with who is in it now. Polls the admin API so the live columns
// move on their own; search, filters and paging run on the server.
import Link from "next/link";
import { Fragment, useEffect, useState } from "react";
import type { AdminRoomPage, AdminRoomRow, LiveParticipant } from "@/lib/admin/room-list";
import { callApi } from "../api";
import { FormError } from "../FormError";
import type { Json } from "../json";
import { since, when } from "../format";
import { Pager } from "./Pager";
import { DataTable } from "../DataTable";

type Row = Json<AdminRoomRow>;
type Person = Json<LiveParticipant>;
type Query = { q: string; status: string; sort: string; dir: string; page: number };

const REFRESH_MS = 2000;
const statusLabels: Record<Row["status"], string> = { live: "Live", idle: "Idle", ended: "Ended" };

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
          aria-label="Search rooms"
          placeholder="Search by room or owner"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          aria-label="Status"
          value={query.status}
          onChange={(e) => setQuery({ ...query, status: e.target.value, page: 1 })}
        >
          <option value="all">All rooms</option>
          <option value="live">Live</option>
          <option value="idle">Idle</option>
          <option value="ended">Ended</option>
        </select>
        <select
          aria-label="Sort"
          value={`${query.sort}-${query.dir}`}
          onChange={(e) => {
            const [sort = "created", dir = "desc"] = e.target.value.split("-");
            setQuery({ ...query, sort, dir, page: 1 });
          }}
        >
          <option value="created-desc">Newest first</option>
          <option value="created-asc">Oldest first</option>
          <option value="name-asc">Name A–Z</option>
          <option value="name-desc">Name Z–A</option>
        </select>
      </div>
      <FormError message={error ?? actionError} />
      <DataTable
        testId="admin-rooms"
        label="Rooms"
        columns={["Room", "Owner", "Created", "Status", "In it now", "Live since", "Meetings", ""]}
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
              <td>{when(room.createdAt)}</td>
              <td data-testid="room-status">{statusLabels[room.status]}</td>
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
              <td>{room.liveSince ? since(room.liveSince) : "—"}</td>
              <td>{room.totalMeetings}</td>
              <td>
                <span className="row">
                  <Link href={`/r/${room.slug}/history`}>History</Link>
                  {room.status === "ended" ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void act(
                          `Reopen "${room.name}"? People with its links can join again.`,
                          `/api/admin/rooms/${room.slug}/reopen`,
                          { method: "POST" },
                        )
                      }
                    >
                      Reopen
                    </button>
                  ) : (
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          room.status === "live"
                            ? `End the meeting in "${room.name}" for everyone? The room stays closed until reopened.`
                            : `Close "${room.name}"? Nobody can join until it is reopened.`,
                          `/api/admin/rooms/${room.slug}/end`,
                          { method: "POST" },
                        )
                      }
                    >
                      {room.status === "live" ? "End meeting" : "Close room"}
                    </button>
                  )}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      void act(
                        `Delete "${room.name}" with its links and history? This cannot be undone.`,
                        `/api/admin/rooms/${room.slug}`,
                        { method: "DELETE" },
                      )
                    }
                  >
                    Delete
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
      {data && data.rooms.length === 0 ? <p className="muted">No rooms match.</p> : null}
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
  return (
    <li>
      <span>
        {person.name}{" "}
        <span className="muted">
          {person.kind === "GUEST" ? "guest" : "member"} · {since(person.joinedAt)}
        </span>
      </span>
      <span className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => onAct(`Mute ${person.name}'s microphone?`, "mute", { source: "microphone" })}
        >
          Mute microphone
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => onAct(`Turn off ${person.name}'s camera?`, "mute", { source: "camera" })}
        >
          Stop camera
        </button>
        <button type="button" onClick={() => onAct(`Remove ${person.name} from the meeting?`, "remove")}>
          Remove
        </button>
      </span>
    </li>
  );
}
