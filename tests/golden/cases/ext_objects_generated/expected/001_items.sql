-- migc 0.1.0: generated from input/001_items.sql for profile v1.0-novector; do not edit
-- migc: source sha256 9298c941d652973834b33494218f8c64d3d79477f3aee44561942d959849f443
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector

CREATE TABLE items (
  id integer PRIMARY KEY,
  -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
  pos point,
  tags text,
  bits bit(8)
);
