-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 98713be85459ed6f116c79406c4949519aa92b24e2bbe33bb0f464e7b6151c35
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
CREATE FUNCTION title_of(p_id bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT title FROM docs WHERE id = p_id $$;
