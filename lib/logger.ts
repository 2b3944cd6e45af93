import { env } from "./env";

// One line per event: JSON in production, readable in development. Never pass tokens here.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const { LOG_LEVEL, NODE_ENV } = env();
  if (order[level] < order[LOG_LEVEL]) return;
  const line =
    NODE_ENV === "production"
      ? JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })
      : `${level.toUpperCase()} ${event} ${Object.keys(fields).length ? JSON.stringify(fields) : ""}`.trimEnd();
  (level === "error" || level === "warn" ? console.error : console.log)(line);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
