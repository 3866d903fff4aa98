-- migc 0.1.0: generated from input/0001_brave_owl.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7d37bb7af94f1857b69bcce17110593a3849ae18199603c0d6bf518a87331459
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector--> statement-breakpoint
-- migc: elided ALTER TABLE documents ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source" text;--> statement-breakpoint
-- migc: elided index embedding_idx: column documents.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
