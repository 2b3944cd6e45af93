"use client";
// The connection check a person runs when they cannot join (or before): each step with its
// verdict, what is blocked and whom to ask, and the whole result to copy into a support request.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { explainDeviceProblem } from "../meeting/device-errors";
import { resultsAsText, STEP_ORDER, type CheckWords, type StepId, type StepResult } from "./advice";

const waiting = (): Record<StepId, StepResult> =>
  Object.fromEntries(STEP_ORDER.map((id) => [id, { verdict: "pending", detail: "" }])) as Record<StepId, StepResult>;

function summary(t: CheckWords, results: Record<StepId, StepResult>): string {
  const ok = (id: StepId) => results[id].verdict === "passed";
  if (!ok("app") || !ok("signal")) return t("summary.cannotJoin");
  if (!ok("udp") && !ok("tcp") && !ok("turn")) return t("summary.noMedia");
  if (STEP_ORDER.some((id) => results[id].verdict === "failed")) return t("summary.partly");
  return t("summary.allGood");
}

export function ConnectionCheckPanel() {
  const t = useTranslations("check");
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
      t,
      (step, result) => setResults((current) => ({ ...current, [step]: result })),
      (kind, problem) => explainDeviceProblem(tMeeting, kind, problem),
    );
    setState("done");
  }, [t, tMeeting]);

  const text =
    state === "done"
      ? resultsAsText(t, results, { when: new Date(), page: window.location.href, browser: navigator.userAgent })
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
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <button type="button" onClick={() => void start()} disabled={state === "running"}>
        {state === "idle" ? t("start") : state === "running" ? t("checking") : t("again")}
      </button>
      <ol className="check-steps">
        {STEP_ORDER.map((id) => (
          <li key={id} data-step={id} data-verdict={results[id].verdict}>
            <strong>{t(`steps.${id}`)}</strong>:{" "}
            <span className={`verdict ${results[id].verdict}`}>{t(`verdicts.${results[id].verdict}`)}</span>
            {results[id].detail ? <p className="muted">{results[id].detail}</p> : null}
          </li>
        ))}
      </ol>
      {state === "done" ? (
        <>
          <p role="status" data-testid="check-summary">
            {summary(t, results)}
          </p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => void copy()}>
              {copied === "yes" ? t("copied") : t("copy")}
            </button>
          </div>
          <textarea
            readOnly
            aria-label={t("textLabel")}
            value={text}
            rows={10}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      ) : null}
    </section>
  );
}
