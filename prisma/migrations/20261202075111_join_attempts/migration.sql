-- CreateTable
CREATE TABLE "JoinAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT,
    "guestId" TEXT,
    "inviteId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "arrivedAt" DATETIME,
    "failureReason" TEXT,
    "failureMessage" TEXT,
    "failureReportedAt" DATETIME,
    CONSTRAINT "JoinAttempt_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "JoinAttempt_createdAt_idx" ON "JoinAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "JoinAttempt_roomId_identity_createdAt_idx" ON "JoinAttempt"("roomId", "identity", "createdAt");

