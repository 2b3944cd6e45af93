"use client";
import { useTranslations } from "next-intl";

/** Previous / next under a server-paged admin list. */
export function Pager({
  page,
  result,
  noun,
  onPage,
}: {
  page: number;
  result: { page: number; perPage: number; total: number } | null;
  noun: "rooms" | "accounts" | "invitations";
  onPage: (page: number) => void;
}) {
  const t = useTranslations("admin.pager");
  const pages = result ? Math.max(1, Math.ceil(result.total / result.perPage)) : 1;
  return (
    <div className="row">
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </button>
      <span className="muted">
        {result ? t(noun, { page: result.page, pages, total: result.total }) : t("loading")}
      </span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("next")}
      </button>
    </div>
  );
}
