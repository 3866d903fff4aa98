-- migc 0.1.0: generated from input/supabase/migrations/20240101120000_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b2c5f591226ad66e9f6b43652a26020ce95e24014bd263d530bedc55fab85fa9
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
create table public.documents (
  id bigint primary key generated always as identity,
  content text
  -- migc: elided column embedding extensions.vector(3): type extensions.vector(3) needs extension vector, absent in v1.0-novector
);
