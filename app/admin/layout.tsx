import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";

export const metadata: Metadata = { title: "Admin · Parley" };

// Everything under /admin is for administrators; anyone else gets the same 404 as a wrong URL.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  if (!(await currentAdmin())) notFound();
  return (
    <div className="page admin">
      <nav className="row admin-nav" aria-label="Admin">
        <Link href="/admin">Rooms</Link>
        <Link href="/admin/users">Users</Link>
        <Link href="/admin/audit">Audit log</Link>
        <Link href="/admin/join-problems">Join problems</Link>
      </nav>
      {children}
    </div>
  );
}
