-- 文書テーブル: 埋め込みベクトルは pgvector が必要です
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE "Maße" (
    id bigint PRIMARY KEY,
    "größe" numeric, -- Größe in cm
    "Einbettung_ß" vector(3), /* ベクトル */ "höhe" numeric
);
CREATE INDEX "maße_einbettung_idx" ON "Maße" USING hnsw ("Einbettung_ß" vector_l2_ops);
COMMENT ON COLUMN "Maße"."größe" IS 'Größe — サイズ';
COMMENT ON COLUMN "Maße"."Einbettung_ß" IS '埋め込み';
INSERT INTO "Maße" (id, "Einbettung_ß", "größe") VALUES (1, '[1,2,3]', 42);
