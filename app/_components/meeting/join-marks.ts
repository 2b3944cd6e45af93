// Moments of joining a meeting, as performance marks: visible in the browser's performance tools,
// and read by the join-time benchmark (bench/join.ts).
export const JOIN_MARKS = {
  tokenReceived: "parley:token-received",
  connected: "parley:livekit-connected",
} as const;

export function markJoin(name: (typeof JOIN_MARKS)[keyof typeof JOIN_MARKS]): void {
  performance.mark(name);
}
