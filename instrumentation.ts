// Runs once when the server starts: a bad configuration stops it here, with the variable's name;
// then each request gets its connection's address (for rate limits), and live meeting state
// starts being reconciled with LiveKit, and people removed shortly before a restart are kept out.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/startup");
    validateEnvOrExit();
    const { installPeerAddressHeader } = await import("./lib/client-ip");
    installPeerAddressHeader();
    const { startReconciling } = await import("./lib/meetings/reconcile");
    startReconciling();
    const { resumeHoldingOut } = await import("./lib/meetings/hold-out");
    void resumeHoldingOut().catch((error: unknown) => console.error("resume_holding_out_failed", error));
  }
}
