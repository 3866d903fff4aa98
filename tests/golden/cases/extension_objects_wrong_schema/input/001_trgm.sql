CREATE SCHEMA extensions;
CREATE EXTENSION pg_trgm WITH SCHEMA extensions;
-- pg_trgm's functions are in extensions, not in public
GRANT ALL ON FUNCTION public.gtrgm_in(cstring) TO PUBLIC;
