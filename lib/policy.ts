// Who may do what (signed-in members may create rooms: requireUser covers that). Every rule here is checked on the server; the UI only mirrors it.
import { AppError } from "./http";

type Actor = { id: string; role: "ADMIN" | "MEMBER" };
type Room = { ownerId: string; endedAt: Date | null };

export const policy = {
  /** Any signed-in member with the link may join a room that has not ended. */
  joinRoom(_actor: Actor, room: Room): void {
    if (room.endedAt) throw new AppError(410, "room_ended", "This meeting has ended.");
  },
};
