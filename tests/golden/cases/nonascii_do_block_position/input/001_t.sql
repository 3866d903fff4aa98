-- 寸法テーブル (Maße)
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE "Maße" (id int PRIMARY KEY, "größe" vector(3));
