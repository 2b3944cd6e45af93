-- DropIndex
DROP INDEX "Room_createdAt_idx";

-- DropIndex
DROP INDEX "Room_name_idx";

-- CreateIndex
CREATE INDEX "Room_createdAt_id_idx" ON "Room"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Room_name_id_idx" ON "Room"("name", "id");

-- CreateIndex
CREATE INDEX "Meeting_endedAt_idx" ON "Meeting"("endedAt");

