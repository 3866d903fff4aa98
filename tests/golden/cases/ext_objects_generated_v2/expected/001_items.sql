-- migc 0.1.0: generated from input/001_items.sql for profile v2.0-vector; do not edit
-- migc: source sha256 9298c941d652973834b33494218f8c64d3d79477f3aee44561942d959849f443
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE items (
  id integer PRIMARY KEY,
  embedding vector(3),
  pos point,
  tags text,
  bits bit(8)
);
