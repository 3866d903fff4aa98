CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3));
CREATE FUNCTION title_of(p_id bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT title FROM docs WHERE id = p_id $$;
