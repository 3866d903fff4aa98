-- migc 0.1.0: generated from input/002_queries.sql for profile v1.0-novector; do not edit
-- migc: source sha256 9711961945012c49c7b40f71355d5d6b41537d9a51a39f5b8c870dcd271120d7
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- pgvector functions the hand-written description did not list
-- migc: elided view vector_sums: function vector_add needs extension vector, absent in v1.0-novector

-- migc: elided view squared: function vector_l2_squared_distance needs extension vector, absent in v1.0-novector

-- avg and sum: PostgreSQL's on integers, pgvector's on vectors
CREATE VIEW id_stats AS SELECT avg(id) AS mean, sum(id) AS total FROM items;

-- migc: elided view mean_embedding: column items.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

-- pgvector's <~> is on PostgreSQL's own bit type
-- migc: elided view bit_distances: operator <~> needs extension vector, absent in v1.0-novector

-- PostgreSQL's =, + and <-> on its own types
CREATE VIEW plain_ops AS
  SELECT id, pos <-> point '(0,0)' AS dist FROM items WHERE tags = 'x' AND id + 1 > 2;

-- parameters have their declared types in SQL function bodies
CREATE FUNCTION nearest_place(q point) RETURNS SETOF integer LANGUAGE sql AS $$
  SELECT id FROM items ORDER BY pos <-> q LIMIT 5
$$;

CREATE FUNCTION nearest_place_positional(point) RETURNS SETOF integer LANGUAGE sql AS $$
  SELECT id FROM items ORDER BY pos <-> $1 LIMIT 5
$$;
