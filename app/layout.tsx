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
          {/* Not prefetched: every page would render the home page on the server in the background
              (it competes with joining a meeting, for one); these links are rarely the next click. */}
          <Link href="/" className="brand" prefetch={false}>
            Parley
          </Link>
          {user ? (
            <nav className="topbar-user">
              {user.role === "ADMIN" ? (
                <Link href="/admin" prefetch={false}>
                  Admin
                </Link>
              ) : null}
              <span data-testid="signed-in-as">{user.name}</span>
              <Link href="/account" prefetch={false}>
                Account
              </Link>
              <SignOutButton />
            </nav>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
