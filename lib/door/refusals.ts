import "server-only";
import { AppError } from "../http";

// The two ways a room's door turns someone away (docs/waiting-room.md).

export const waitingRoom = () => new AppError("waiting_room", "Waiting for the host to let you in.");

export const roomLocked = () =>
  new AppError("room_locked", "This meeting is locked: nobody new can join until a host unlocks it.");
