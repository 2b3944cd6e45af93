import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";
import { mailConfigured } from "@/lib/mail/send";
import { AccountInvitations } from "../../_components/admin/AccountInvitations";
import { AdminUsers } from "../../_components/admin/AdminUsers";

export default async function AdminUsersPage() {
  const admin = await currentAdmin();
  if (!admin) notFound();
  const t = await getTranslations("admin.users");
  return (
    <>
      <h1>{t("title")}</h1>
      <AdminUsers me={admin.id} />
      <AccountInvitations mailConfigured={mailConfigured()} />
    </>
  );
}
