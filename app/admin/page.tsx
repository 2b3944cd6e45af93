import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";
import { AdminRooms } from "../_components/admin/AdminRooms";
import { RecordingsStorage } from "../_components/admin/RecordingsStorage";

export default async function AdminRoomsPage() {
  if (!(await currentAdmin())) notFound();
  const t = await getTranslations("admin.rooms");
  return (
    <>
      <h1>{t("title")}</h1>
      <AdminRooms />
      <RecordingsStorage />
    </>
  );
}
