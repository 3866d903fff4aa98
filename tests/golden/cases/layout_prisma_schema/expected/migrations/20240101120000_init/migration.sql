-- migc 0.1.0: generated from input/migrations/20240101120000_init/migration.sql for profile v2.0-vector; do not edit
-- migc: source sha256 1a2623b406010a1200a7e5b09646374109aeb8c4ede79907a59225fdf5b839b5
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "embedding" vector(1536),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);
