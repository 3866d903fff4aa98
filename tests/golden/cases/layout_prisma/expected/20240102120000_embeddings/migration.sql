-- migc 0.1.0: generated from input/20240102120000_embeddings/migration.sql for profile v1.0-novector; do not edit
-- migc: source sha256 32c761a3d01c9b58e6c583763a89c836d307bb2a9655ab7e2e8f8fa4e4f84109
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- CreateExtension
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector

-- AlterTable
ALTER TABLE "Document" /* migc: elided ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */
ADD COLUMN     "source" TEXT;
