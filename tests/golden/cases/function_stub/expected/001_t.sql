-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 98713be85459ed6f116c79406c4949519aa92b24e2bbe33bb0f464e7b6151c35
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE docs (id bigint PRIMARY KEY, title text /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
CREATE FUNCTION title_of(p_id bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT title FROM docs WHERE id = p_id $$;
