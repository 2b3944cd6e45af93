import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("home");
  return (
    <div className="notice card">
      <h1>{t("notFound.title")}</h1>
      <p className="muted">{t("notFound.body")}</p>
      <Link href="/">{t("notFound.home")}</Link>
    </div>
  );
}
