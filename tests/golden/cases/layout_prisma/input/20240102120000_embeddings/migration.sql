-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector" WITH VERSION "0.5.1";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "embedding" vector(3),
ADD COLUMN     "source" TEXT;
