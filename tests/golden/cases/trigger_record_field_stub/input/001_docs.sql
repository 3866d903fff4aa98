CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding vector(3), embedded_at timestamptz);
-- reads NEW.embedding: without the column, every UPDATE of docs would fail
CREATE FUNCTION docs_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.embedding IS DISTINCT FROM OLD.embedding THEN
    NEW.embedded_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION docs_touch();
INSERT INTO docs (id, title, embedding) VALUES (1, 'a', '[1,2,3]');
UPDATE docs SET embedding = '[3,2,1]' WHERE id = 1;
