-- CreateTable
CREATE TABLE "MediaKey" (
    "roomId" TEXT NOT NULL PRIMARY KEY,
    "livekitRoomSid" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediaKey_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "endedForAllAt" DATETIME,
    "endedForAllBy" TEXT,
    "joinPolicy" TEXT NOT NULL DEFAULT 'MEMBERS',
    "allowGuests" BOOLEAN NOT NULL DEFAULT true,
    "maxParticipants" INTEGER,
    "waitingRoom" TEXT NOT NULL DEFAULT 'GUESTS',
    "lockedAt" DATETIME,
    "e2ee" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Room_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("allowGuests", "createdAt", "endedAt", "endedForAllAt", "endedForAllBy", "id", "joinPolicy", "lockedAt", "maxParticipants", "name", "ownerId", "slug", "waitingRoom") SELECT "allowGuests", "createdAt", "endedAt", "endedForAllAt", "endedForAllBy", "id", "joinPolicy", "lockedAt", "maxParticipants", "name", "ownerId", "slug", "waitingRoom" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE UNIQUE INDEX "Room_slug_key" ON "Room"("slug");
CREATE INDEX "Room_ownerId_createdAt_idx" ON "Room"("ownerId", "createdAt");
CREATE INDEX "Room_createdAt_id_idx" ON "Room"("createdAt", "id");
CREATE INDEX "Room_name_id_idx" ON "Room"("name", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

