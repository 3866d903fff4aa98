-- pgvector functions the hand-written description did not list
CREATE VIEW vector_sums AS SELECT vector_add('[1,2,3]', '[4,5,6]') AS s;

CREATE VIEW squared AS SELECT vector_l2_squared_distance('[1,2,3]', '[1,2,4]') AS d;

-- avg and sum: PostgreSQL's on integers, pgvector's on vectors
CREATE VIEW id_stats AS SELECT avg(id) AS mean, sum(id) AS total FROM items;

CREATE VIEW mean_embedding AS SELECT avg(embedding) AS mean FROM items;

-- pgvector's <~> is on PostgreSQL's own bit type
CREATE VIEW bit_distances AS SELECT id, bits <~> B'10101010' AS d FROM items;

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
