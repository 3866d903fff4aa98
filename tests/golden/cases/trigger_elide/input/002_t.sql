COMMENT ON TRIGGER docs_normalize_trg ON docs IS 'unit length';
ALTER TRIGGER docs_normalize_trg ON docs RENAME TO docs_unit_trg;
DROP TRIGGER docs_unit_trg ON docs;
DROP TRIGGER docs_touch_trg ON docs;
DROP FUNCTION docs_normalize();
