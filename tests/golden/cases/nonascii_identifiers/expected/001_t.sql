-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 d4b1a0d1e6b9118bd72ead0b4bc54f015df95b0b5d2b15958ccae2dccd1f4445
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- 文書テーブル: 埋め込みベクトルは pgvector が必要です
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE "Maße" (
    id bigint PRIMARY KEY,
    "größe" numeric, -- Größe in cm
    /* migc: elided column Einbettung_ß vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ /* ベクトル */ "höhe" numeric
);
-- migc: elided index maße_einbettung_idx: column Maße.Einbettung_ß elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON COLUMN "Maße"."größe" IS 'Größe — サイズ';
-- migc: elided COMMENT ON Maße.Einbettung_ß: column Maße.Einbettung_ß elided: type vector(3) needs extension vector, absent in v1.0-novector
INSERT INTO "Maße" (id, /* migc: elided column Einbettung_ß: column Maße.Einbettung_ß elided: type vector(3) needs extension vector, absent in v1.0-novector */ "größe") VALUES (1, /* migc: elided column Einbettung_ß: column Maße.Einbettung_ß elided: type vector(3) needs extension vector, absent in v1.0-novector */ 42);
