-- AlterTable
ALTER TABLE "Recording" ADD COLUMN "composingProblem" TEXT;
