-- migc 0.1.0: generated from input/003_functions.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b8bee67e0892e038a7a69669fabc84245328bd49ebe90aa78513650355ebaa33
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE FUNCTION nearest(q real[] DEFAULT NULL, n int DEFAULT 5)
RETURNS SETOF bigint LANGUAGE plpgsql STABLE AS $migc$BEGIN RAISE EXCEPTION 'function nearest is not available: argument type vector needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
CREATE FUNCTION norm_of(p real[]) RETURNS float8 LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function norm_of is not available: argument type docs.embedding%%TYPE needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
CREATE FUNCTION docs_normalize() RETURNS trigger LANGUAGE plpgsql AS $migc$BEGIN RAISE EXCEPTION 'function docs_normalize is not available: function l2_normalize needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
-- migc: elided trigger docs_normalize: function docs_normalize() stubbed: function l2_normalize needs extension vector, absent in v1.0-novector
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
-- migc: elided trigger docs_touch_emb: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided trigger docs_touch_when: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE TRIGGER docs_touch_title BEFORE UPDATE OF title ON docs FOR EACH ROW EXECUTE FUNCTION touch();
INSERT INTO docs (id, title) VALUES (10, 'plain row');
