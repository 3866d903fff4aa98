-- 寸法テーブル
CREATE TABLE "Maße" (id bigint PRIMARY KEY, "größe" numeric);
