import "server-only";
import { AccessToken } from "livekit-server-sdk";
import { env } from "../env";
import {
  connectionCheckGrants,
  doorGrantsFor,
  grantsFor,
  recorderGrants,
  type DoorRole,
  type PublishingRole,
} from "./grants";

// Long enough to connect. A connected participant's token is refreshed by LiveKit itself (at once,
// then every 5 minutes, each valid 10 minutes), so a short life here costs nobody in a meeting
// anything, and a token handed out but not used soon is worth nothing.
export const JOIN_TOKEN_TTL_SECONDS = 2 * 60;

type JoinTokenRequest = {
  room: string;
  identity: string;
  name: string;
  role: PublishingRole;
  // shown to everyone in the meeting (e.g. that someone is a guest)
  attributes?: Record<string, string>;
};

export async function mintJoinToken({ room, identity, name, role, attributes }: JoinTokenRequest): Promise<string> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity,
    name,
    ttl: JOIN_TOKEN_TTL_SECONDS,
    attributes,
  });
  token.addGrant(grantsFor(role, room));
  return token.toJwt();
}

// The connection check connects several times in a row (signalling, UDP, TCP, TURN, publishing),
// each with this token; it takes well under a minute.
export const CONNECTION_CHECK_TOKEN_TTL_SECONDS = 3 * 60;

export async function mintConnectionCheckToken({
  room,
  identity,
}: {
  room: string;
  identity: string;
}): Promise<string> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity,
    name: "Connection check",
    ttl: CONNECTION_CHECK_TOKEN_TTL_SECONDS,
  });
  token.addGrant(connectionCheckGrants(room));
  return token.toJwt();
}

/** A token for a door room (lib/door/): the knocker's, or a host's to watch them. */
export async function mintDoorToken({
  room,
  identity,
  name,
  role,
}: {
  room: string;
  identity: string;
  name: string;
  role: DoorRole;
}): Promise<string> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, { identity, name, ttl: JOIN_TOKEN_TTL_SECONDS });
  token.addGrant(doorGrantsFor(role, room));
  return token.toJwt();
}

/** For parley-recorder, to join one recording's room; LiveKit renews it while it stays connected. */
export async function mintRecorderToken({ room, identity }: { room: string; identity: string }): Promise<string> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity,
    name: "Recorder",
    ttl: JOIN_TOKEN_TTL_SECONDS,
  });
  token.addGrant(recorderGrants(room));
  return token.toJwt();
}
