-- CreateTable
CREATE TABLE "Knock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isGuest" BOOLEAN NOT NULL,
    "inviteId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "message" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" DATETIME,
    "leftAt" DATETIME,
    CONSTRAINT "Knock_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Knock_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "joinPolicy" TEXT NOT NULL DEFAULT 'MEMBERS',
    "allowGuests" BOOLEAN NOT NULL DEFAULT true,
    "maxParticipants" INTEGER,
    "waitingRoom" TEXT NOT NULL DEFAULT 'GUESTS',
    "lockedAt" DATETIME,
    CONSTRAINT "Room_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Rooms made before the waiting room keep letting everyone straight in; new rooms default to GUESTS.
INSERT INTO "new_Room" ("allowGuests", "createdAt", "endedAt", "id", "joinPolicy", "maxParticipants", "name", "ownerId", "slug", "waitingRoom") SELECT "allowGuests", "createdAt", "endedAt", "id", "joinPolicy", "maxParticipants", "name", "ownerId", "slug", 'NOBODY' FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE UNIQUE INDEX "Room_slug_key" ON "Room"("slug");
CREATE INDEX "Room_ownerId_createdAt_idx" ON "Room"("ownerId", "createdAt");
CREATE INDEX "Room_createdAt_id_idx" ON "Room"("createdAt", "id");
CREATE INDEX "Room_name_id_idx" ON "Room"("name", "id");
CREATE TABLE "new_Guest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Guest_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Passes issued before they had a stored expiry last 24 hours from their issue, as their cookie did.
INSERT INTO "new_Guest" ("createdAt", "displayName", "id", "roomId", "expiresAt") SELECT "createdAt", "displayName", "id", "roomId", strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt", '+1 day') FROM "Guest";
DROP TABLE "Guest";
ALTER TABLE "new_Guest" RENAME TO "Guest";
CREATE INDEX "Guest_roomId_idx" ON "Guest"("roomId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Knock_roomId_status_createdAt_idx" ON "Knock"("roomId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Knock_roomId_identity_createdAt_idx" ON "Knock"("roomId", "identity", "createdAt");

