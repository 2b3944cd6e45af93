// The participant attributes Parley puts on every meeting token (lib/meetings/join-credentials.ts)
// and changes while the meeting runs. Everyone in the meeting can read them; only the server can
// set them (tokens grant no canUpdateOwnMetadata).
export const ATTRIBUTES = {
  /** "member" or "guest" */
  kind: "parley.kind",
  /** the person's standing in the room (lib/policy.ts): host, cohost, participant, viewer, member */
  standing: "parley.standing",
  /** when the token was issued, in milliseconds since 1970: a meeting ended for everyone voids older ones */
  issued: "parley.issued",
  /** while the person's hand is up: when they raised it, in milliseconds since 1970 (lib/in-meeting/hands.ts) */
  hand: "parley.hand",
} as const;
