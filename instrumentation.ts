// Runs once when the server starts: a bad configuration stops it here, with the variable's name;
// then live meeting state starts being reconciled with LiveKit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/startup");
    validateEnvOrExit();
    const { startReconciling } = await import("./lib/live/reconcile");
    startReconciling();
  }
}
