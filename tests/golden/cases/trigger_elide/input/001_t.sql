CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3), updated_at timestamptz);

-- normalizes the embedding on write: needs pgvector
CREATE FUNCTION docs_normalize() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.embedding := l2_normalize(NEW.embedding);
    RETURN NEW;
END $$;

-- plain: keeps updated_at fresh
CREATE FUNCTION docs_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER docs_normalize_trg BEFORE INSERT OR UPDATE ON docs
    FOR EACH ROW EXECUTE FUNCTION docs_normalize();
CREATE TRIGGER docs_touch_trg BEFORE UPDATE ON docs
    FOR EACH ROW EXECUTE FUNCTION docs_touch();
