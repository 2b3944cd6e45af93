"use client";
// The connection check a person runs when they cannot join (or before): each step with its
// verdict, what is blocked and whom to ask, and the whole result to copy into a support request.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { explainDeviceProblem } from "../meeting/device-errors";
import { resultsAsText, STEP_ORDER, STEP_TITLES, type StepId, type StepResult } from "./advice";

const waiting = (): Record<StepId, StepResult> =>
  Object.fromEntries(STEP_ORDER.map((id) => [id, { verdict: "pending", detail: "" }])) as Record<StepId, StepResult>;

const VERDICT_WORDS = {
  pending: "Waiting",
  running: "Checking…",
  passed: "OK",
  failed: "Problem",
  skipped: "Skipped",
} as const;

function summary(results: Record<StepId, StepResult>): string {
  const ok = (id: StepId) => results[id].verdict === "passed";
  if (!ok("app") || !ok("signal"))
    return "You can't join meetings from this network or browser yet: see the problems below.";
  if (!ok("udp") && !ok("tcp") && !ok("turn")) return "No media can get through from here: see the problems below.";
  if (STEP_ORDER.some((id) => results[id].verdict === "failed"))
    return "You can join meetings, but not everything works: see below.";
  return "Everything works: you can join meetings from here.";
}

export function ConnectionCheckPanel() {
  const tMeeting = useTranslations("meeting");
  const [results, setResults] = useState(waiting);
  const [state, setState] = useState<"idle" | "running" | "done">("idle");
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");

  const start = useCallback(async () => {
    setResults(waiting());
    setCopied("no");
    setState("running");
    const { runConnectionCheck } = await import("./run-checks");
    await runConnectionCheck(
      (step, result) => setResults((current) => ({ ...current, [step]: result })),
      (kind, problem) => explainDeviceProblem(tMeeting, kind, problem),
    );
    setState("done");
  }, [tMeeting]);

  const text =
    state === "done"
      ? resultsAsText(results, { when: new Date(), page: window.location.href, browser: navigator.userAgent })
      : "";

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="card check" data-testid="connection-check" data-state={state}>
      <h1>Connection check</h1>
      <p className="muted">
        Tests, step by step, whether this browser on this network can take part in meetings, and if not, what is blocked
        and what to ask your network&apos;s administrator for.
      </p>
      <button type="button" onClick={() => void start()} disabled={state === "running"}>
        {state === "idle" ? "Start the check" : state === "running" ? "Checking…" : "Check again"}
      </button>
      <ol className="check-steps">
        {STEP_ORDER.map((id) => (
          <li key={id} data-step={id} data-verdict={results[id].verdict}>
            <strong>{STEP_TITLES[id]}</strong>:{" "}
            <span className={`verdict ${results[id].verdict}`}>{VERDICT_WORDS[results[id].verdict]}</span>
            {results[id].detail ? <p className="muted">{results[id].detail}</p> : null}
          </li>
        ))}
      </ol>
      {state === "done" ? (
        <>
          <p role="status" data-testid="check-summary">
            {summary(results)}
          </p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void copy()}>
              {copied === "yes" ? "Copied" : "Copy the results"}
            </button>
          </div>
          <textarea
            readOnly
            aria-label="The results as text"
            value={text}
            rows={10}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      ) : null}
    </section>
  );
}
