CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, embedding vector(3));

-- legacy_shapes is not created by this tree: the types of a and b are unknown
CREATE VIEW shape_distances AS SELECT a <-> b AS d FROM legacy_shapes;

-- a cast says whose operator it is
CREATE VIEW shape_distances_cast AS SELECT a::point <-> b::point AS d FROM legacy_shapes;
