"use client";
// End-to-end encryption for one meeting: LiveKit's key provider and its worker (bundled and served
// by Parley itself). Loaded with import() only when the server hands out a media key, so rooms
// without encryption never fetch it.
import { ExternalE2EEKeyProvider, Room, type RoomOptions } from "livekit-client";

export type EncryptedRoom = { room: Room; close: () => void };

/**
 * A room (not yet connected) whose every track is encrypted with `key` (base64 of the meeting's
 * 32 random bytes) before it is published, and decrypted with it when received.
 */
export async function createEncryptedRoom(key: string, options: RoomOptions): Promise<EncryptedRoom> {
  const keyProvider = new ExternalE2EEKeyProvider();
  const worker = new Worker(new URL("livekit-client/e2ee-worker", import.meta.url));
  let room: Room | undefined;
  const close = () => {
    void room?.disconnect();
    worker.terminate();
  };
  try {
    // Throws on a browser that cannot encrypt: nobody is let in without encryption.
    room = new Room({ ...options, encryption: { keyProvider, worker } });
    // Random bytes rather than a passphrase: LiveKit derives the frame key with HKDF.
    await keyProvider.setKey(Uint8Array.from(atob(key), (char) => char.charCodeAt(0)).buffer);
    await room.setE2EEEnabled(true);
  } catch (error) {
    close();
    throw error;
  }
  return { room, close };
}
