import { useTranslations } from "next-intl";

// Where every "couldn't connect" message sends people: the connection check, in a new tab so
// the meeting page (and what was typed there) stays.
export function CheckConnectionLink() {
  const t = useTranslations("check");
  return (
    <a href="/check" target="_blank" rel="noreferrer">
      {t("link")}
    </a>
  );
}
