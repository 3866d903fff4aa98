ALTER TABLE "documents" RENAME COLUMN "language" TO "locale";--> statement-breakpoint
ALTER INDEX "documents_language_idx" RENAME TO "documents_locale_idx";--> statement-breakpoint
DROP INDEX "embeddingIndex";--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "embedding" SET DATA TYPE vector(768);--> statement-breakpoint
CREATE INDEX "embeddingIndex" ON "documents" USING hnsw ("embedding" vector_cosine_ops);