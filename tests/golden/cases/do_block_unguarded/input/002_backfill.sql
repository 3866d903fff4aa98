-- backfill: normalizes every embedding, then fixes titles
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT id FROM docs LOOP
        UPDATE docs SET embedding = l2_normalize(embedding) WHERE id = r.id;
    END LOOP;
    UPDATE docs SET title = trim(title);
END $$;
