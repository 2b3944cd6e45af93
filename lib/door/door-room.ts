// Each knock has a LiveKit room of its own, its door room, where only the knocker shows their
// camera and hosts watch, hidden. The name cannot be a meeting code (lib/rooms/slug.ts), so
// nothing that follows meetings (attendance, reconciliation) mistakes it for one.
const PREFIX = "door.";

export const doorRoomName = (knockId: string) => `${PREFIX}${knockId}`;

/** The knock a LiveKit room is the door of, or null for any other room. */
export const knockIdOfDoorRoom = (room: string) => (room.startsWith(PREFIX) ? room.slice(PREFIX.length) : null);
