-- new model: drop the table and recreate it with new dimensions
DROP TABLE documents;
DROP TABLE embedding;
CREATE TABLE embedding (
    id bigint PRIMARY KEY,
    embedding vector(768),
    vector text
);
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    embedding_id bigint,
    CONSTRAINT documents_embedding_fk FOREIGN KEY (embedding_id) REFERENCES embedding (id)
);
CREATE INDEX embedding_embedding_idx ON embedding USING hnsw (embedding vector_cosine_ops);
