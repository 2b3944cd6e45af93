import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { ClientMessages } from "./_components/ClientMessages";
import { ErrorWordsSource } from "./_components/ErrorWordsSource";
import { LanguageSwitch } from "./_components/LanguageSwitch";
import { SignOutButton } from "./_components/SignOutButton";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("brand"), description: t("description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body>
        <ClientMessages namespaces={["common", "errors"]}>
          <ErrorWordsSource />
          <header className="topbar">
            {/* Not prefetched: every page would render the home page on the server in the background
                (it competes with joining a meeting, for one); these links are rarely the next click. */}
            <Link href="/" className="brand" prefetch={false}>
              {t("brand")}
            </Link>
            <nav className="topbar-user">
              {user?.role === "ADMIN" ? (
                <Link href="/admin" prefetch={false}>
                  {t("admin")}
                </Link>
              ) : null}
              {user ? <span data-testid="signed-in-as">{user.name}</span> : null}
              {user ? (
                <Link href="/account" prefetch={false}>
                  {t("account")}
                </Link>
              ) : null}
              <LanguageSwitch />
              {user ? <SignOutButton /> : null}
            </nav>
          </header>
          <main>{children}</main>
        </ClientMessages>
      </body>
    </html>
  );
}
