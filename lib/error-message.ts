// What went wrong, as one line for a log or a terminal: anything can be thrown, not only an Error.
// Not server-only: scripts, tests and benchmarks use it too.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
