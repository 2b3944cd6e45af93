-- AlterTable
ALTER TABLE "Room" ADD COLUMN "endedForAllAt" DATETIME;
ALTER TABLE "Room" ADD COLUMN "endedForAllBy" TEXT;

-- CreateTable
CREATE TABLE "RoomRemoval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "removedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoomRemoval_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoomRemoval_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RoomAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "inviteId" TEXT,
    "userId" TEXT,
    "guestId" TEXT,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedBy" TEXT,
    CONSTRAINT "RoomAccess_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoomAccess_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoomAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoomAccess_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RoomAccess" ("createdAt", "guestId", "id", "inviteId", "role", "roomId", "userId") SELECT "createdAt", "guestId", "id", "inviteId", "role", "roomId", "userId" FROM "RoomAccess";
DROP TABLE "RoomAccess";
ALTER TABLE "new_RoomAccess" RENAME TO "RoomAccess";
CREATE INDEX "RoomAccess_roomId_userId_idx" ON "RoomAccess"("roomId", "userId");
CREATE INDEX "RoomAccess_roomId_guestId_idx" ON "RoomAccess"("roomId", "guestId");
CREATE UNIQUE INDEX "RoomAccess_inviteId_userId_key" ON "RoomAccess"("inviteId", "userId");
CREATE UNIQUE INDEX "RoomAccess_inviteId_guestId_key" ON "RoomAccess"("inviteId", "guestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RoomRemoval_roomId_identity_key" ON "RoomRemoval"("roomId", "identity");

