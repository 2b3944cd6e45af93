import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";
import { ClientMessages } from "../_components/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("metaTitle") };
}

// Everything under /admin is for administrators; anyone else gets the same 404 as a wrong URL.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  if (!(await currentAdmin())) notFound();
  const t = await getTranslations("admin.nav");
  return (
    <div className="page admin">
      <nav className="row admin-nav" aria-label={t("label")}>
        <Link href="/admin">{t("rooms")}</Link>
        <Link href="/admin/users">{t("users")}</Link>
        <Link href="/admin/audit">{t("audit")}</Link>
        <Link href="/admin/join-problems">{t("joinProblems")}</Link>
      </nav>
      <ClientMessages namespaces={["admin"]}>{children}</ClientMessages>
    </div>
  );
}
