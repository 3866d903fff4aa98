-- migc 0.1.0: generated from input/20240101120000_init/migration.sql for profile v1.0-novector; do not edit
-- migc: source sha256 df5c3462c263f93934500c76162bb4c4f339356beba419376498ed897d37d799
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);
