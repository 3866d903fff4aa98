SET search_path = public, extensions;
CREATE TABLE items (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    embedding vector(3),
    CONSTRAINT items_embedding_present CHECK (embedding IS NULL OR vector_dims(embedding) = 3),
    CONSTRAINT items_title_unique UNIQUE (title),
    CONSTRAINT items_embedding_unique UNIQUE (embedding)
);

CREATE TABLE only_vec_constraint_last (
    id bigint,
    v vector(2),
    CHECK (vector_dims(v) = 2)
);
INSERT INTO items (id, title) VALUES (1, 'a');
