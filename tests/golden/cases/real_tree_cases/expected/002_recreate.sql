-- migc 0.1.0: generated from input/002_recreate.sql for profile v1.0-novector; do not edit
-- migc: source sha256 20a367adf25adbe0ea0843a39a0d38458208270e9785e9af233ad345e82325c5
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- new model: drop the table and recreate it with new dimensions
DROP TABLE documents;
DROP TABLE embedding;
CREATE TABLE embedding (
    id bigint PRIMARY KEY,
    -- migc: elided column embedding vector(768): type vector(768) needs extension vector, absent in v1.0-novector
    vector text
);
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    embedding_id bigint,
    CONSTRAINT documents_embedding_fk FOREIGN KEY (embedding_id) REFERENCES embedding (id)
);
-- migc: elided index embedding_embedding_idx: column embedding.embedding elided: type vector(768) needs extension vector, absent in v1.0-novector
