-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "meetingId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'RECORDING',
    "startedById" TEXT NOT NULL,
    "startedByName" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    "stoppedByName" TEXT,
    "problem" TEXT,
    "durationMs" INTEGER,
    "bytes" INTEGER,
    "composedAt" DATETIME,
    CONSTRAINT "Recording_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recording_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Recording_roomId_startedAt_idx" ON "Recording"("roomId", "startedAt");

-- CreateIndex
CREATE INDEX "Recording_state_idx" ON "Recording"("state");

