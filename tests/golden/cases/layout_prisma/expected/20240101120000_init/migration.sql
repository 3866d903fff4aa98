-- migc 0.1.0: generated from input/20240101120000_init/migration.sql for profile v1.0-novector; do not edit
-- migc: source sha256 df5c3462c263f93934500c76162bb4c4f339356beba419376498ed897d37d799
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);
