ALTER TABLE docs ADD COLUMN title text, ADD COLUMN e2 halfvec(4);
CREATE FUNCTION near(q vector) RETURNS SETOF docs LANGUAGE sql AS
  $$ SELECT * FROM docs ORDER BY embedding <=> q LIMIT 5 $$;
CREATE VIEW v AS SELECT id, embedding <-> '[1,2,3]' AS d FROM docs;
ALTER TABLE docs RENAME COLUMN body TO content;
COMMENT ON COLUMN docs.embedding IS 'e';
