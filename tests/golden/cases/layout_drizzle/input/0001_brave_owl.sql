CREATE EXTENSION IF NOT EXISTS vector;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "embedding" vector(3);--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source" text;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "embedding_idx" ON "documents" USING hnsw ("embedding" vector_cosine_ops);
