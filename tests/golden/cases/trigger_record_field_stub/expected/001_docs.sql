-- migc 0.1.0: generated from input/001_docs.sql for profile v1.0-novector-stub-docs; do not edit
-- migc: source sha256 498363f3a4719a79844067423456cf9b326b3828e76b4e26cddb096f89879034
-- migc: profile v1.0-novector-stub-docs sha256 3f863b28592091bf6b625d07d152126d517b041869c88e64d20188e0bb90f28d
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector-stub-docs
CREATE TABLE docs (id bigint PRIMARY KEY, title text, embedding real[], embedded_at timestamptz);
-- reads NEW.embedding: without the column, every UPDATE of docs would fail
CREATE FUNCTION docs_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.embedding IS DISTINCT FROM OLD.embedding THEN
    NEW.embedded_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION docs_touch();
INSERT INTO docs (id, title, embedding) VALUES (1, 'a', '{1,2,3}');
UPDATE docs SET embedding = '{3,2,1}' WHERE id = 1;
