import "server-only";
import { env, EnvError } from "./env";

/** Stops the server at start-up when the configuration is invalid, naming each bad variable. */
export function validateEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
