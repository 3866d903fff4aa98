CREATE INDEX docs_embedding_idx ON ${schema}.docs USING hnsw (embedding vector_l2_ops);
