-- migc 0.1.0: generated from input/migrations/20240101120000_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 b2c5f591226ad66e9f6b43652a26020ce95e24014bd263d530bedc55fab85fa9
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
create table public.documents (
  id bigint primary key generated always as identity,
  content text
  -- migc: elided column embedding extensions.vector(3): type extensions.vector(3) needs extension vector, absent in v1.0-novector
);
