-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector" WITH VERSION "0.5.1";

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "embedding" vector(1536),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);
