import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";
import { AdminRooms } from "../_components/admin/AdminRooms";

export default async function AdminRoomsPage() {
  if (!(await currentAdmin())) notFound();
  return (
    <>
      <h1>Rooms</h1>
      <AdminRooms />
    </>
  );
}
