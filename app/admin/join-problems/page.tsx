import { notFound } from "next/navigation";
import { currentAdmin } from "@/lib/admin/guard";
import { JOIN_PROBLEM_DAYS, listJoinProblems } from "@/lib/admin/join-problems";
import { DataTable } from "../../_components/DataTable";
import { when } from "../../_components/format";

export const dynamic = "force-dynamic";

// People who clicked Join and never arrived in the meeting, from Parley's own record of each
// token it minted, LiveKit's webhooks and the reasons browsers reported.
export default async function JoinProblemsPage() {
  // Layouts and pages render side by side: the page checks too, so nothing is read for others.
  if (!(await currentAdmin())) notFound();
  const problems = await listJoinProblems();
  return (
    <>
      <h1>Join problems</h1>
      <p className="muted">
        The last {JOIN_PROBLEM_DAYS} days: {problems.attempts} attempts to join, {problems.failed} of which did not
        arrive in the meeting within 30 seconds. The reason is what LiveKit told the person&apos;s browser; when there
        is none, the browser never said (closed, offline, or blocked from reaching Parley too). People who can&apos;t
        join can run the connection check at <a href="/check">/check</a> and send you its result.
      </p>
      <h2>By reason</h2>
      {problems.byReason.length === 0 ? (
        <p className="muted">Nobody had trouble joining.</p>
      ) : (
        <DataTable
          testId="join-problems-by-reason"
          label="Join problems by reason"
          columns={["Reason", "Attempts", "People", "Got in on a later try"]}
        >
          {problems.byReason.map((group) => (
            <tr key={group.reason}>
              <td>{group.reason}</td>
              <td>{group.attempts}</td>
              <td>{group.people}</td>
              <td>{group.madeItLater}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>By person</h2>
      {problems.byPerson.length === 0 ? null : (
        <DataTable
          testId="join-problems-by-person"
          label="Join problems by person"
          columns={["Who", "Failed attempts", "Why", "Where, through", "Last failed", "Outcome"]}
        >
          {problems.byPerson.map((person) => (
            <tr key={person.identity} data-identity={person.identity}>
              <td>
                {person.name}
                {person.kind === "guest" ? <div className="muted">guest</div> : null}
              </td>
              <td>{person.failedAttempts}</td>
              <td>{person.reasons.join("; ")}</td>
              <td>
                {person.rooms.join(", ")}
                <div className="muted">{person.links.join(", ")}</div>
              </td>
              <td>{when(person.lastFailedAt.toISOString())}</td>
              <td>{person.madeItLater ? "Retried and made it" : "Never got in"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
