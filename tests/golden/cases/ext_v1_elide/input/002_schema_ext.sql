CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION "vector" WITH SCHEMA extensions;
COMMENT ON EXTENSION vector IS 'vector similarity search';
CREATE EXTENSION IF NOT EXISTS pgcrypto;
