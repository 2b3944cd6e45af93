import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AUDIT_ACTIONS, auditQuerySchema, listAudit } from "@/lib/admin/audit";
import { currentAdmin } from "@/lib/admin/guard";
import { when } from "../../_components/format";
import { DataTable } from "../../_components/DataTable";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  // Layouts and pages render side by side: the page checks too, so nothing is read for others.
  if (!(await currentAdmin())) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(([, value]) => typeof value === "string" && value !== ""),
  );
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : { page: 1 };
  const { entries, total, page, perPage } = await listAudit(query);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  const pageLink = (to: number) =>
    `/admin/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.q ? { q: query.q } : {}), page: String(to) })}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <form className="row" method="get">
        <select name="action" aria-label={t("action")} defaultValue={query.action ?? ""}>
          <option value="">{t("everyAction")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
        <input
          name="q"
          type="search"
          aria-label={t("search")}
          placeholder={t("searchPlaceholder")}
          defaultValue={query.q ?? ""}
        />
        <button type="submit">{t("filter")}</button>
      </form>
      {!parsed.success ? <p className="error">{t("invalidFilters")}</p> : null}
      <DataTable
        testId="audit-log"
        label={t("table")}
        columns={[t("columns.when"), t("columns.who"), t("columns.what"), t("columns.on")]}
      >
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{when(format, entry.createdAt)}</td>
            <td>
              {entry.actor.name}
              <div className="muted">{entry.actor.email}</div>
            </td>
            <td>{entry.action}</td>
            <td>
              {entry.targetLabel} <span className="muted">{entry.targetType}</span>
              {entry.detail ? <div className="muted">{entry.detail}</div> : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {entries.length === 0 ? (
        <p className="muted">{query.action || query.q ? t("nothingMatches") : t("nothingYet")}</p>
      ) : null}
      <div className="row">
        {page > 1 ? <Link href={pageLink(page - 1)}>{t("newer")}</Link> : null}
        <span className="muted">{t("pages", { page, pages, total })}</span>
        {page < pages ? <Link href={pageLink(page + 1)}>{t("older")}</Link> : null}
      </div>
    </>
  );
}
