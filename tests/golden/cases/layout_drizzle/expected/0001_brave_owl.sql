-- migc 0.1.0: generated from input/0001_brave_owl.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7d37bb7af94f1857b69bcce17110593a3849ae18199603c0d6bf518a87331459
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector--> statement-breakpoint
-- migc: elided ALTER TABLE documents ADD COLUMN embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source" text;--> statement-breakpoint
-- migc: elided index embedding_idx: column documents.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
