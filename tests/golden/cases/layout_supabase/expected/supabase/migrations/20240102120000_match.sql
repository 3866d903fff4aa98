-- migc 0.1.0: generated from input/supabase/migrations/20240102120000_match.sql for profile v1.0-novector; do not edit
-- migc: source sha256 3c75dba9eca281bfb58890bfe8776e272c58bac150bf5c2b2720adf83b4b2452
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
create or replace function public.match_documents(query_embedding real[], match_count int)
returns table (id bigint, content text, similarity float)
language plpgsql stable
as $migc$BEGIN RAISE EXCEPTION 'function match_documents is not available: argument type extensions.vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
