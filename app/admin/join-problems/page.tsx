import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";
import { JOIN_PROBLEM_DAYS, LATE, listJoinProblems, NO_REASON } from "@/lib/admin/join-problems";
import { DataTable } from "../../_components/DataTable";
import { when } from "../../_components/format";

export const dynamic = "force-dynamic";

// People who clicked Join and never arrived in the meeting, from Parley's own record of each
// token it minted, LiveKit's webhooks and the reasons browsers reported.
export default async function JoinProblemsPage() {
  // Layouts and pages render side by side: the page checks too, so nothing is read for others.
  if (!(await currentAdmin())) notFound();
  const problems = await listJoinProblems();
  const t = await getTranslations("admin.joinProblems");
  const format = await getFormatter();
  // The reasons Parley itself names; any other is what LiveKit told the browser, shown as it is.
  const reasonText = (reason: string) => (reason === NO_REASON ? t("noReason") : reason === LATE ? t("late") : reason);
  const linkText = (link: string) => (link === "invite link" ? t("inviteLink") : t("roomLink"));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t.rich("intro", {
          days: JOIN_PROBLEM_DAYS,
          attempts: problems.attempts,
          failed: problems.failed,
          link: (chunks) => <a href="/check">{chunks}</a>,
        })}
      </p>
      <h2>{t("byReason")}</h2>
      {problems.byReason.length === 0 ? (
        <p className="muted">{t("nobody")}</p>
      ) : (
        <DataTable
          testId="join-problems-by-reason"
          label={t("byReasonTable")}
          columns={[
            t("reasonColumns.reason"),
            t("reasonColumns.attempts"),
            t("reasonColumns.people"),
            t("reasonColumns.madeItLater"),
          ]}
        >
          {problems.byReason.map((group) => (
            <tr key={group.reason}>
              <td>{reasonText(group.reason)}</td>
              <td>{group.attempts}</td>
              <td>{group.people}</td>
              <td>{group.madeItLater}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t("byPerson")}</h2>
      {problems.byPerson.length === 0 ? null : (
        <DataTable
          testId="join-problems-by-person"
          label={t("byPersonTable")}
          columns={[
            t("personColumns.who"),
            t("personColumns.failedAttempts"),
            t("personColumns.why"),
            t("personColumns.where"),
            t("personColumns.lastFailed"),
            t("personColumns.outcome"),
          ]}
        >
          {problems.byPerson.map((person) => (
            <tr key={person.identity} data-identity={person.identity}>
              <td>
                {person.name}
                {person.kind === "guest" ? <div className="muted">{t("guest")}</div> : null}
              </td>
              <td>{person.failedAttempts}</td>
              <td>{person.reasons.map(reasonText).join("; ")}</td>
              <td>
                {person.rooms.join(", ")}
                <div className="muted">{person.links.map(linkText).join(", ")}</div>
              </td>
              <td>{when(format, person.lastFailedAt)}</td>
              <td>{person.madeItLater ? t("madeItLater") : t("neverGotIn")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
