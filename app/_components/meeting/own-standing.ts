// Where this person stands in the room, as the server set it on their participant (it changes live
// when a host makes them a co-host or no longer one). Only for what the page shows: every action
// is checked again by the server.
import { useLocalParticipant, useParticipantAttribute } from "@livekit/components-react";
import { ATTRIBUTES } from "@/lib/meetings/attributes";

export function useOwnStanding(): string {
  const { localParticipant } = useLocalParticipant();
  return useParticipantAttribute(ATTRIBUTES.standing, { participant: localParticipant });
}

/** Hosts and co-hosts run the meeting: the door, and the controls in the participants panel. */
export const runsTheMeeting = (standing: string | undefined) => standing === "host" || standing === "cohost";
