-- hnsw with params
CREATE INDEX docs_embedding_hnsw ON docs USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
CREATE INDEX IF NOT EXISTS docs_embedding_ivf
    ON docs USING ivfflat (embedding vector_l2_ops)
    WITH (lists = 100);
-- plain btree on an elided column
CREATE INDEX docs_embedding_btree ON docs (embedding);
-- expression index over a vector function
CREATE INDEX docs_dims ON docs ((vector_dims(embedding)));
-- kept
CREATE INDEX docs_title ON docs (title);
CREATE UNIQUE INDEX docs_title_lower ON docs (lower(title));
CREATE INDEX docs_tags ON docs USING gin (tags);
