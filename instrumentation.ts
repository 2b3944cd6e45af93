// Runs once when the server starts: a bad configuration stops it here, with the variable's name.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/startup");
    validateEnvOrExit();
  }
}
