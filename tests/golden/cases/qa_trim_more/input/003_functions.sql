CREATE FUNCTION nearest(q vector DEFAULT '[0,0,0]', n int DEFAULT 5)
RETURNS SETOF bigint LANGUAGE sql STABLE AS $$
    SELECT id FROM docs ORDER BY embedding <-> q LIMIT n
$$;
CREATE FUNCTION norm_of(p docs.embedding%TYPE) RETURNS float8 LANGUAGE sql AS $$ SELECT 0::float8 $$;
CREATE FUNCTION docs_normalize() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.embedding := l2_normalize(NEW.embedding);
    RETURN NEW;
END
$$;
CREATE TRIGGER docs_normalize BEFORE INSERT ON docs FOR EACH ROW EXECUTE FUNCTION docs_normalize();
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER docs_touch_emb BEFORE UPDATE OF embedding ON docs FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER docs_touch_when BEFORE UPDATE ON docs FOR EACH ROW
    WHEN (NEW.embedding IS DISTINCT FROM OLD.embedding) EXECUTE FUNCTION touch();
CREATE TRIGGER docs_touch_title BEFORE UPDATE OF title ON docs FOR EACH ROW EXECUTE FUNCTION touch();
INSERT INTO docs (id, title) VALUES (10, 'plain row');
