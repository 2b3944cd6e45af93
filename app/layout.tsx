import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { SignOutButton } from "./_components/SignOutButton";
import "./globals.css";

export const metadata: Metadata = {
  title: "Parley",
  description: "Video meetings on your own server",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            Parley
          </Link>
          {user ? (
            <nav className="topbar-user">
              {user.role === "ADMIN" ? <Link href="/admin">Admin</Link> : null}
              <span data-testid="signed-in-as">{user.name}</span>
              <SignOutButton />
            </nav>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
