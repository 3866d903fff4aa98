-- migc 0.1.0: generated from input/001_t.sql for profile test-trigger; do not edit
-- migc: source sha256 0f887591e1a13abbd8be81fc87de42b0d15a48a458dc2be969414534222afb1b
-- migc: profile test-trigger sha256 51997176a84397dc7b541625578ccb5580e2a7c38e49c55424b57d39ae7eb4b3
-- migc: elided CREATE EXTENSION vector: extension vector is absent in test-trigger
CREATE TABLE docs (id bigint PRIMARY KEY, title text, /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in test-trigger */ updated_at timestamptz);

-- normalizes the embedding on write: needs pgvector
-- migc: elided function docs_normalize(): function l2_normalize needs extension vector, absent in test-trigger

-- plain: keeps updated_at fresh
CREATE FUNCTION docs_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

-- migc: elided trigger docs_normalize_trg: function docs_normalize() elided: function l2_normalize needs extension vector, absent in test-trigger
CREATE TRIGGER docs_touch_trg BEFORE UPDATE ON docs
    FOR EACH ROW EXECUTE FUNCTION docs_touch();
