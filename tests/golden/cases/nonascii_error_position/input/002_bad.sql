-- 日本語のコメント: 次の行はエラーです
/* 長さ */ ALTER TABLE "Maße" RENAME COLUMN "größe" TO "höhe"; ALTER TABLE "Maße" RENAME COLUMN "größe" TO "breite";
/* コメント */ COMMENT ON COLUMN "Maße"."gewicht" IS 'Gewicht — 重さ';
