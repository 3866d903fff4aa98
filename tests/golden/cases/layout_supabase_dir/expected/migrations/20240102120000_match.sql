-- migc 0.1.0: generated from input/migrations/20240102120000_match.sql for profile v1.0-novector; do not edit
-- migc: source sha256 3c75dba9eca281bfb58890bfe8776e272c58bac150bf5c2b2720adf83b4b2452
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
create or replace function public.match_documents(query_embedding real[], match_count int)
returns table (id bigint, content text, similarity float)
language plpgsql stable
as $migc$BEGIN RAISE EXCEPTION 'function match_documents is not available: argument type extensions.vector(3) needs extension vector, absent in v1.0-novector' USING ERRCODE = 'feature_not_supported'; END$migc$;
