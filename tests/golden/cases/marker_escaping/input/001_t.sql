CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE t (id int, "x*/y" vector(3), z int);
CREATE TABLE u (
    id int,
    "line
break" vector(3)
);
CREATE INDEX "idx*/evil" ON t USING hnsw ("x*/y" vector_l2_ops);
CREATE INDEX "idx
nl" ON u USING hnsw ("line
break" vector_l2_ops);
INSERT INTO t (id, "x*/y", z) VALUES (1, '[1,2,3]', 2);
