"use client";
// Accounts on this server: promote, demote, disable. The server refuses to leave no admin.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { UserChangeResponse } from "@/app/api/admin/users/[id]/route";
import type { AdminUserPage, AdminUserRow } from "@/lib/admin/users";
import { callApi } from "../api";
import { FormError } from "../FormError";
import { when } from "../format";
import type { Json } from "../json";
import { Pager } from "./Pager";
import { DataTable } from "../DataTable";

type User = Json<AdminUserRow>;

export function AdminUsers({ me }: { me: string }) {
  const t = useTranslations("admin.users");
  const format = useFormatter();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Json<AdminUserPage> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const params = new URLSearchParams({ page: String(page), ...(search.trim() ? { q: search.trim() } : {}) });
    const result = await callApi<AdminUserPage>(`/api/admin/users?${params}`, { method: "GET" });
    if (result.ok) setData(result.body);
    else setError(result.message);
  }, [page, search]);
  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  async function change(user: User, json: { role: "ADMIN" | "MEMBER" } | { disabled: boolean }, question: string) {
    if (!window.confirm(question)) return;
    const result = await callApi<UserChangeResponse>(`/api/admin/users/${user.id}`, { method: "PATCH", json });
    setError(result.ok ? null : result.message);
    await load();
  }

  return (
    <div className="stack">
      <input
        type="search"
        aria-label={t("search")}
        placeholder={t("searchPlaceholder")}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(1);
        }}
      />
      <FormError message={error} />
      <DataTable
        testId="admin-users"
        label={t("table")}
        columns={[t("columns.name"), t("columns.role"), t("columns.rooms"), t("columns.joined"), ""]}
      >
        {data?.users.map((user) => (
          <tr key={user.id} data-testid="admin-user" data-email={user.email}>
            <td>
              {user.name} {user.id === me ? <span className="muted">{t("you")}</span> : null}
              <div className="muted">{user.email}</div>
            </td>
            <td>
              {user.role === "ADMIN" ? t("admin") : t("member")}
              {user.disabledAt ? <span className="error"> · {t("disabled")}</span> : null}
            </td>
            <td>{user.rooms}</td>
            <td>{when(format, user.createdAt)}</td>
            <td>
              <span className="row">
                {user.role === "ADMIN" ? (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void change(user, { role: "MEMBER" }, t("demoteConfirm", { name: user.name }))}
                  >
                    {t("demote")}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void change(user, { role: "ADMIN" }, t("makeAdminConfirm", { name: user.name }))}
                  >
                    {t("makeAdmin")}
                  </button>
                )}
                {user.disabledAt ? (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void change(user, { disabled: false }, t("enableConfirm", { name: user.name }))}
                  >
                    {t("enable")}
                  </button>
                ) : user.id === me ? null : (
                  <button
                    type="button"
                    onClick={() => void change(user, { disabled: true }, t("disableConfirm", { name: user.name }))}
                  >
                    {t("disable")}
                  </button>
                )}
              </span>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager page={page} result={data} noun="accounts" onPage={setPage} />
    </div>
  );
}
