ALTER TABLE "documents" ADD COLUMN "title_embedding" vector(384);--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
CREATE INDEX "titleEmbeddingIndex" ON "documents" USING hnsw ("title_embedding" vector_ip_ops);--> statement-breakpoint
CREATE INDEX "documents_language_idx" ON "documents" USING btree ("language");